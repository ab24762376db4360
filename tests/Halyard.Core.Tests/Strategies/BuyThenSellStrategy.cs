using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Strategies;

/// <summary>Buys on the first quote and sells the same size after <c>sellAfter</c> quotes, recording what it sees.</summary>
internal sealed class BuyThenSellStrategy(InstrumentId instrumentId, Quantity size, int sellAfter, string id = "BuyThenSell-001") : Strategy(id)
{
    public int Quotes { get; private set; }
    public List<string> Seen { get; } = [];
    public Order? Entry { get; private set; }
    public Order? Exit { get; private set; }
    /// <summary>Names of the threads callbacks ran on.</summary>
    public HashSet<string?> Threads { get; } = [];

    protected override void OnStart() => SubscribeQuotes(instrumentId);

    protected override void OnQuote(QuoteTick quote)
    {
        Threads.Add(Thread.CurrentThread.Name);
        Quotes++;
        if (Quotes == 1)
        {
            Entry = OrderFactory.Market(instrumentId, OrderSide.Buy, size);
            SubmitOrder(Entry);
        }
        else if (Quotes == sellAfter)
        {
            Exit = OrderFactory.Market(instrumentId, OrderSide.Sell, size);
            SubmitOrder(Exit);
        }
    }

    protected override void OnOrderEvent(IOrderEvent e)
    {
        Threads.Add(Thread.CurrentThread.Name);
        Seen.Add(e.GetType().Name);
    }
    protected override void OnOrderFilled(OrderFilled e) => Seen.Add($"filled {e.OrderSide} {e.LastQty} @ {e.LastPx}");
    protected override void OnPositionOpened(PositionOpened e) => Seen.Add($"opened {e.Position.Side} {e.Position.Quantity}");
    protected override void OnPositionClosed(PositionClosed e) => Seen.Add($"closed pnl {e.Position.RealizedPnl.Amount:0.#########}");
}
