using System.CommandLine;
using Halyard.Cli.Commands;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.IntegrationTests.Cli;

public class CatalogCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(CatalogCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Catalog_ls_prints_types_instruments_ranges_and_rows()
    {
        string rootPath = Path.Combine(Path.GetTempPath(), $"halyard-catalog-ls-{Guid.NewGuid():N}");
        try
        {
            var catalog = new ParquetDataCatalog(rootPath, new CatalogOptions { SyncOnWrite = false });
            var btc = InstrumentId.Parse("BTC-USD-PERP");
            long start = 1_704_067_200_000_000_000L; // 2024-01-01T00:00:00Z
            catalog.Write(Enumerable.Range(0, 1_234).Select(i => new QuoteTick(btc, Price.Parse("42000.5"), Price.Parse("42001.5"),
                Quantity.Parse("1.25"), Quantity.Parse("0.50"), start + i * 1_000_000_000L, start + i * 1_000_000_000L)).ToArray());
            catalog.Write([new MarkPriceUpdate(InstrumentId.Parse("ETH-USD-PERP"), Price.Parse("2200.1"), start, start + 5)]);

            var (code, output, error) = await RunAsync("catalog", "ls", "--catalog", rootPath);

            error.ShouldBeEmpty();
            code.ShouldBe(0);
            output.ShouldContain("quote_tick");
            output.ShouldContain("BTC-USD-PERP.HYPERLIQUID");
            output.ShouldContain("1,234");
            output.ShouldContain("2024-01-01 00:00:00.000");
            output.ShouldContain("2024-01-01 00:20:33.000");
            output.ShouldContain("mark_price_update");
            output.ShouldContain("ETH-USD-PERP.HYPERLIQUID");
            output.ShouldContain("2 streams, 2 files, 1,235 rows");
        }
        finally
        {
            if (Directory.Exists(rootPath)) Directory.Delete(rootPath, recursive: true);
        }
    }

    [Fact]
    public async Task Catalog_ls_fails_clearly_when_the_folder_does_not_exist()
    {
        var (code, _, error) = await RunAsync("catalog", "ls", "--catalog", "/nonexistent/halyard-catalog");
        code.ShouldBe(1);
        error.ShouldContain("no catalog at '/nonexistent/halyard-catalog'");
    }
}
