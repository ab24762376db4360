using System.Text.Json;
using Halyard.Cli.Commands;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.IntegrationTests.Support;
using Halyard.Persistence.Catalog;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Cli;

/// <summary>
/// Issue 8's proof: `halyard record` from the simulator, then `halyard backtest` (the default sample strategy) over
/// that recording; every backtest fill happened at a price the recording held at that instant.
/// </summary>
public sealed class RecordThenBacktestTests : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"halyard-e2e-{Guid.NewGuid():N}");

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private sealed record Fill(long TsNs, string Instrument, string Side, decimal Price, decimal Quantity, string Liquidity);

    [Fact]
    public async Task Backtest_of_a_recording_fills_only_at_prices_the_recording_held_at_that_instant()
    {
        string catalog = Path.Combine(_root, "catalog"), output = Path.Combine(_root, "backtest");
        // A 100 ms market tick: 45 s of it publish as many quotes as two minutes at the venue's usual 250 ms,
        // enough for the 8/24 EMA cross sample to trade several times.
        await using (SimulatorHost sim = await SimulatorHost.StartAsync(
                         new SimulatorOptions { Port = 0, Seed = 3, TickInterval = TimeSpan.FromMilliseconds(100), TakerProbability = 0.5 },
                         TestContext.Current.CancellationToken))
        {
            var (code, _, error) = await CliRun.RunAsync(RecordCommand.Create(), "record", "--url", sim.Url, "-c", catalog,
                "-i", "BTC-USD-PERP,ETH-USD-PERP", "--duration", "45s");
            code.ShouldBe(0, error);
        }

        var (backtestCode, summary, backtestError) = await CliRun.RunAsync(BacktestCommand.Create(), "backtest", "--catalog", catalog, "--output", output);
        backtestCode.ShouldBe(0, backtestError);
        summary.ShouldContain("emacross", Case.Insensitive);

        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        List<Fill> fills = [.. results.RootElement.GetProperty("fills").EnumerateArray().Select(f => new Fill(
            f.GetProperty("tsNs").GetInt64(), f.GetProperty("instrument").GetString()!, f.GetProperty("side").GetString()!,
            f.GetProperty("price").GetDecimal(), f.GetProperty("quantity").GetDecimal(), f.GetProperty("liquidity").GetString()!))];
        fills.Count.ShouldBeGreaterThan(2, "the recording must hold fills to prove anything");

        var store = new ParquetDataCatalog(catalog);
        foreach (IGrouping<string, Fill> byInstrument in fills.GroupBy(f => f.Instrument))
        {
            InstrumentId id = InstrumentId.Parse(byInstrument.Key);
            List<QuoteTick> quotes = Read(store, MarketDataKind.QuoteTick, id, r => r.Quote);
            List<TradeTick> trades = Read(store, MarketDataKind.TradeTick, id, r => r.Trade);
            foreach (Fill fill in byInstrument) FillShouldBeRecorded(fill, quotes, trades);
        }
    }

    /// <summary>
    /// The simulated venue's rules (docs/backtest.md) with quotes and trades replayed: a taker fill takes the recorded
    /// touch (the ask for a buy, the bid for a sell) of the last quote at or before it; a maker fill is at its own
    /// price, which the market reached then: the last quote crossed it, or a trade printed through it at that instant.
    /// </summary>
    private static void FillShouldBeRecorded(Fill fill, List<QuoteTick> quotes, List<TradeTick> trades)
    {
        bool buy = fill.Side == nameof(OrderSide.Buy);
        int last = quotes.FindLastIndex(q => q.TsInit <= fill.TsNs);
        last.ShouldBeGreaterThanOrEqualTo(0, $"{fill}: no quote recorded before it");
        QuoteTick quote = quotes[last];
        decimal bid = quote.BidPrice.ToDecimal(), ask = quote.AskPrice.ToDecimal();
        if (fill.Liquidity == nameof(LiquiditySide.Taker))
        {
            fill.Price.ShouldBe(buy ? ask : bid, $"{fill}: a taker fill takes the recorded touch {bid}/{ask} at {quote.TsInit}");
            return;
        }
        fill.Liquidity.ShouldBe(nameof(LiquiditySide.Maker), fill.ToString());
        bool crossed = buy ? ask <= fill.Price : bid >= fill.Price;
        bool tradedThrough = trades.Any(t => t.TsInit == fill.TsNs && (buy ? t.Price.ToDecimal() <= fill.Price : t.Price.ToDecimal() >= fill.Price));
        (crossed || tradedThrough).ShouldBeTrue($"{fill}: the recording never reached {fill.Price} then (touch {bid}/{ask})");
    }

    private static List<T> Read<T>(ParquetDataCatalog catalog, MarketDataKind kind, InstrumentId id, Func<CatalogReader, T> row)
    {
        using CatalogReader reader = catalog.Open(MarketDataQuery.For(kind, id));
        var rows = new List<T>();
        while (reader.MoveNext()) rows.Add(row(reader));
        reader.Problems.ShouldBeEmpty();
        return rows;
    }
}
