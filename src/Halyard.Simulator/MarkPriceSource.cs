namespace Halyard.Simulator;

/// <summary>What the simulator uses as the mark price (which fires triggers and values positions).</summary>
public enum MarkPriceSource
{
    /// <summary>The fair price of the random walk (the default; the exchange's mark follows its oracle).</summary>
    Fair = 0,
    /// <summary>The mid of the order book, falling back to the fair price when a side is empty.</summary>
    BookMid = 1,
    /// <summary>The last traded price, falling back to the fair price before the first trade (some adapters assume this).</summary>
    LastTrade = 2,
}
