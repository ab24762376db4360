using Halyard.Core.Backtest;
using Halyard.Core.Model;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Backtest;

/// <summary>Builds small hand-written replays on the ETH test instrument (0.1 tick, 0.001 lot, $10 minimum).</summary>
internal static class BacktestScenario
{
    public const long Second = 1_000_000_000;
    public const long T0 = 1_700_000_000 * Second;
    public static readonly CryptoPerpetual Eth = TestInstruments.Eth();

    public static QuoteTick Q(long ts, string bid, string ask, string bidSize = "5", string askSize = "5") =>
        new(Eth.Id, Price.Parse(bid, 1), Price.Parse(ask, 1), Quantity.Parse(bidSize, 3), Quantity.Parse(askSize, 3), ts, ts);

    public static TradeTick T(long ts, string price, string size, AggressorSide aggressor) =>
        new(Eth.Id, Price.Parse(price, 1), Quantity.Parse(size, 3), aggressor, $"t{ts}", ts, ts);

    public static Quantity Qty(string s) => Quantity.Parse(s, 3);
    public static Price Px(string s) => Price.Parse(s, 1);

    public static BacktestConfig Config(IEnumerable<object> data, ScriptedStrategy strategy, LatencyModel? latency = null) => new()
    {
        Source = new ListMarketDataSource(data),
        Instruments = [Eth],
        StartNs = T0,
        EndNs = T0 + 3600 * Second,
        StartingBalance = 10_000m,
        Latency = latency ?? LatencyModel.None,
        Strategies = [strategy],
        EquitySampleIntervalNs = Second,
    };

    public static (BacktestResult Result, BacktestNode Node) Run(IEnumerable<object> data, ScriptedStrategy strategy, LatencyModel? latency = null)
    {
        var node = new BacktestNode(Config(data, strategy, latency));
        return (node.Run(ct: TestContext.Current.CancellationToken), node);
    }
}
