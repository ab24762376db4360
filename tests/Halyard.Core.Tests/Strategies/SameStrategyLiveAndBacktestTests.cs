using System.Globalization;
using Halyard.Core.Backtest;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Halyard.Core.Tests.Backtest;
using Halyard.Core.Tests.Testing;
using Halyard.Samples;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Core.Tests.Strategies;

/// <summary>
/// The sample strategy and the risk manager, unchanged, decide the same orders (ids, times, sides, sizes, prices,
/// triggers) and get the same fills in a <see cref="BacktestNode"/> over an in-memory catalog and in a live
/// <see cref="TradingNode"/> (its own kernel thread and live clock on a fake time provider) fed the same quotes
/// through the in-process test venue.
/// </summary>
public sealed class SameStrategyLiveAndBacktestTests
{
    private const string TraderId = "PROOF-001";
    private const long T0 = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private const long Step = 250_000_000L;             // a quote every 250 ms, like the simulator's ticks
    private static readonly CryptoPerpetual Eth = TestInstruments.Eth();

    /// <summary>A seeded random walk of the ETH bid in 0.1 ticks with a one-tick spread, and now and then a jump of 1–2 % (stops fire).</summary>
    private static List<QuoteTick> Quotes(int seed, int count)
    {
        var random = new Random(seed);
        var quotes = new List<QuoteTick>(count);
        long bidTicks = 30_000; // 3000.0
        for (int i = 0; i < count; i++)
        {
            bidTicks += random.Next(-12, 13);
            if (random.Next(150) == 0) bidTicks += (random.Next(2) == 0 ? -1 : 1) * random.Next(300, 600);
            long ts = T0 + i * Step;
            quotes.Add(new QuoteTick(Eth.Id, Price.FromDecimal(bidTicks / 10m, 1), Price.FromDecimal((bidTicks + 1) / 10m, 1),
                Quantity.Parse("10.000"), Quantity.Parse("10.000"), ts, ts));
        }
        return quotes;
    }

    private static Strategy Sample()
    {
        SampleStrategies.TryCreate(SampleStrategies.Default, Eth, 3000m, out Strategy? strategy).ShouldBeTrue();
        return strategy!;
    }

    /// <summary>What an order's owner decided and what became of it.</summary>
    private static List<string> Decisions(IEnumerable<Order> orders) =>
        [.. orders.OrderBy(o => o.TsInit).ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal).Select(o => string.Join(" | ",
            o.TsInit.ToString(CultureInfo.InvariantCulture), o.ClientOrderId, o.Side, o.OrderType, o.Quantity, o.Price?.ToString() ?? "-",
            o.TriggerPrice?.ToString() ?? "-", o.ReduceOnly ? "reduce-only" : "", string.Join(",", o.Tags ?? []),
            o.Status, o.FilledQty, o.AvgPx?.ToString(CultureInfo.InvariantCulture) ?? "-"))];

    private static List<string> Backtest(List<QuoteTick> quotes)
    {
        Strategy strategy = Sample();
        var node = new BacktestNode(new BacktestConfig
        {
            Source = new ListMarketDataSource(quotes.Cast<object>()),
            Instruments = [Eth],
            StartNs = T0,
            EndNs = quotes[^1].TsInit,
            DataKinds = [MarketDataKind.QuoteTick],
            StartingBalance = 10_000m,
            Strategies = [strategy],
            TraderId = TraderId,
        }, riskManager: SampleStrategies.Risk);
        node.Run(ct: TestContext.Current.CancellationToken);
        return Decisions(node.Kernel.Cache.Orders(strategyId: strategy.Id));
    }

    private static async Task<List<string>> Live(List<QuoteTick> quotes)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddTicks(T0 / 100));
        var node = new TradingNode(new TradingNodeConfig { TraderId = TraderId, RiskManager = SampleStrategies.Risk, CancelOrdersOnStop = false },
            timeProvider: time);
        var venue = new TestVenue(node.Inbox, () => node.Clock.UtcNowNs, [Eth], startingBalance: 10_000m) { TriggerOnMark = true };
        Strategy strategy = Sample();
        node.AddDataClient(venue);
        node.AddExecutionClient(venue);
        node.AddStrategy(strategy);
        await node.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            foreach (QuoteTick quote in quotes)
            {
                time.SetUtcNow(DateTimeOffset.UnixEpoch.AddTicks(quote.TsInit / 100)); // due timers post into the kernel first
                venue.PushQuote(Eth.Id, quote.BidPrice.ToString(), quote.AskPrice.ToString(), quote.BidSize.ToString());
                await Idle(node);
            }
        }
        finally
        {
            await node.StopAsync(TestContext.Current.CancellationToken);
        }
        return Decisions(node.Cache.Orders(strategyId: strategy.Id));
    }

    /// <summary>Waits until the kernel processed everything posted so far, including what that caused.</summary>
    private static async Task Idle(TradingNode node)
    {
        // Two markers in a row with nothing processed between them: the inbox was empty when the second was posted.
        long previous = -2, processed = 0;
        while (processed != previous + 1)
        {
            previous = processed;
            await node.Kernel.InvokeAsync(() => processed = node.Kernel.ProcessedCount);
        }
    }

    [Fact]
    public async Task The_sample_strategy_and_risk_manager_decide_the_same_orders_and_get_the_same_fills_live_and_in_a_backtest()
    {
        List<QuoteTick> quotes = Quotes(seed: 11, count: 2_400); // ten minutes

        List<string> backtest = Backtest(quotes);
        List<string> live = await Live(quotes);

        live.ShouldBe(backtest);
        backtest.Count(d => d.Contains(" | Market | ", StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        backtest.Count(d => d.Contains(RiskTags.StopLoss, StringComparison.Ordinal)).ShouldBeGreaterThan(20);
        backtest.Count(d => d.Contains(RiskTags.StopLoss, StringComparison.Ordinal) && d.Contains(" | Filled | ", StringComparison.Ordinal))
            .ShouldBeGreaterThan(1, "stops triggered and closed positions in both");
    }
}
