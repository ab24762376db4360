using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Halyard.Cli.Commands;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.IntegrationTests.Cli;

/// <summary>`halyard backtest` over a real Parquet catalog written by the catalog writer.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private const long Start = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static readonly InstrumentId Btc = InstrumentId.Parse("BTC-USD-PERP");
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"halyard-backtest-{Guid.NewGuid():N}");
    private readonly HashSet<decimal> _recordedPrices = [];

    public BacktestCommandTests() => WriteCatalog();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Two hours of a BTC random walk: a quote every 100 ms and a trade every second.</summary>
    private void WriteCatalog()
    {
        var catalog = new ParquetDataCatalog(Path.Combine(_root, "catalog"), new CatalogOptions { SyncOnWrite = false });
        var random = new Random(7);
        var quotes = new List<QuoteTick>();
        var trades = new List<TradeTick>();
        long mid = 90_000; // whole dollars, the 5 significant figures of BTC
        for (int i = 0; i < 72_000; i++)
        {
            long ts = Start + i * 100_000_000L;
            mid += random.Next(-3, 4);
            Price bid = Price.FromDecimal(mid, 0), ask = Price.FromDecimal(mid + 1m, 0);
            quotes.Add(new QuoteTick(Btc, bid, ask, Quantity.Parse("0.50000", 5), Quantity.Parse("0.40000", 5), ts, ts));
            _recordedPrices.Add(bid.ToDecimal());
            _recordedPrices.Add(ask.ToDecimal());
            if (i % 10 == 5)
            {
                Price px = random.Next(2) == 0 ? bid : ask;
                trades.Add(new TradeTick(Btc, px, Quantity.Parse("0.01000", 5), px == bid ? AggressorSide.Seller : AggressorSide.Buyer,
                    i.ToString(CultureInfo.InvariantCulture), ts + 1, ts + 1));
                _recordedPrices.Add(px.ToDecimal());
            }
        }
        catalog.Write(quotes.ToArray());
        catalog.Write(trades.ToArray());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(BacktestCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private string Catalog => Path.Combine(_root, "catalog");

    [Fact]
    public async Task Backtest_of_the_sample_strategy_fills_only_at_recorded_prices_and_writes_identical_files_twice()
    {
        string first = Path.Combine(_root, "run1"), second = Path.Combine(_root, "run2");

        var (code, output, error) = await RunAsync("backtest", "--catalog", Catalog, "--output", first);
        error.ShouldBeEmpty();
        code.ShouldBe(0);
        output.ShouldContain("final equity");
        (code, _, error) = await RunAsync("backtest", "--catalog", Catalog, "--output", second);
        code.ShouldBe(0, error);

        foreach (string file in (string[])["results.json", "trades.csv", "report.html"])
            File.ReadAllBytes(Path.Combine(second, file)).ShouldBe(File.ReadAllBytes(Path.Combine(first, file)), file);

        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "results.json")));
        JsonElement fills = results.RootElement.GetProperty("fills");
        fills.GetArrayLength().ShouldBeGreaterThan(2);
        foreach (JsonElement fill in fills.EnumerateArray())
            _recordedPrices.ShouldContain(fill.GetProperty("price").GetDecimal());
        results.RootElement.GetProperty("events").GetInt64().ShouldBe(79_200);
        File.ReadAllText(Path.Combine(first, "trades.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(fills.GetArrayLength() + 1);
        string html = File.ReadAllText(Path.Combine(first, "report.html"));
        html.ShouldContain("<svg id=\"equity\"");
        html.ShouldContain("<polyline");
        html.ShouldNotContain("http://cdn");
        html.ShouldNotContain("<script src");
    }

    [Fact]
    public async Task Backtest_over_a_sub_range_replays_only_that_range()
    {
        string dir = Path.Combine(_root, "range");
        var (code, _, error) = await RunAsync("backtest", "--catalog", Catalog, "--instruments", "BTC-USD-PERP",
            "--from", "2026-01-01T00:30:00Z", "--to", "2026-01-01T00:59:59.999Z", "--output", dir);
        code.ShouldBe(0, error);
        using JsonDocument results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "results.json")));
        results.RootElement.GetProperty("events").GetInt64().ShouldBe(18_000 + 1_800);
        results.RootElement.GetProperty("firstEvent").GetString().ShouldBe("2026-01-01T00:30:00.0000000Z");
    }

    [Fact]
    public async Task Unknown_strategy_names_the_available_ones()
    {
        var (code, _, error) = await RunAsync("backtest", "--catalog", Catalog, "--strategy", "nope");
        code.ShouldBe(2);
        error.ShouldContain("unknown strategy 'nope'; available: emacross, midcross");
    }

    [Fact]
    public async Task Instrument_the_catalog_lacks_names_what_it_holds()
    {
        var (code, _, error) = await RunAsync("backtest", "--catalog", Catalog, "--instruments", "ETH-USD-PERP");
        code.ShouldBe(2);
        error.ShouldContain("instrument ETH-USD-PERP.HYPERLIQUID is not in the catalog; it holds:");
        error.ShouldContain("quote_tick BTC-USD-PERP.HYPERLIQUID 2026-01-01T00:00:00.000Z");
    }

    [Fact]
    public async Task Empty_range_names_the_range_and_what_the_catalog_holds()
    {
        var (code, _, error) = await RunAsync("backtest", "--catalog", Catalog, "--from", "2025-06-01T00:00:00Z", "--to", "2025-06-02T00:00:00Z");
        code.ShouldBe(2);
        error.ShouldContain("no data between 2025-06-01T00:00:00.000Z and 2025-06-02T00:00:00.000Z for BTC-USD-PERP.HYPERLIQUID; the catalog holds:");
        error.ShouldContain("trade_tick BTC-USD-PERP.HYPERLIQUID");
    }

    [Fact]
    public async Task Missing_catalog_folder_is_reported()
    {
        var (code, _, error) = await RunAsync("backtest", "--catalog", Path.Combine(_root, "missing"));
        code.ShouldBe(2);
        error.ShouldContain("no catalog at");
    }
}
