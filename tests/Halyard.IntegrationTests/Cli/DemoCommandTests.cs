using System.Globalization;
using Halyard.Cli.Commands;

namespace Halyard.IntegrationTests.Cli;

/// <summary>`halyard demo` end to end in-process: simulator, throwaway key, real adapter over loopback sockets.</summary>
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_trades_prints_progress_serves_metrics_and_ends_with_the_summary()
    {
        int port = NodeCommandRun.FreePort();
        var run = new NodeCommandRun(DemoCommand.Create(), ["demo", "--duration", "12s", "--seed", "1", "--metrics-port", port.ToString(CultureInfo.InvariantCulture)],
            TestContext.Current.CancellationToken);

        await run.WaitForOutputAsync(@"\[\s+2s\] quotes", TimeSpan.FromSeconds(90));
        // While it runs, /metrics serves the adapter's histograms and the node's counters.
        using var http = new HttpClient();
        string metrics = "";
        for (int i = 0; i < 100 && !metrics.Contains("halyard_node_fills_total", StringComparison.Ordinal); i++)
        {
            metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
            if (!metrics.Contains("halyard_node_fills_total", StringComparison.Ordinal)) await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        metrics.ShouldContain("# TYPE halyard_feed_latency_us histogram");
        metrics.ShouldContain("halyard_feed_latency_us_bucket{le=\"+Inf\"}");
        metrics.ShouldContain("halyard_order_latency_us_count");
        metrics.ShouldContain("halyard_node_quotes_total");
        metrics.ShouldContain("halyard_node_fills_total");

        int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        code.ShouldBe(0, $"OUTPUT:\n{run.Output}\nERROR:\n{run.Error}");
        run.Output.ShouldContain("throwaway account 0x");
        int.Parse(run.Summary("orders"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        int.Parse(run.Summary("fills"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        run.Summary("quotes").ShouldNotStartWith("0 ");
        run.Summary("order latency (submit → ack)").ShouldContain("p99");
        run.Summary("feed latency (venue → kernel)").ShouldContain("p50");
        run.Summary("open orders at end").ShouldBe("0");
        run.Summary("positions at end").ShouldBe("flat");
        run.Error.ShouldNotContain("demo failed");
    }

    [Fact]
    public async Task Ctrl_c_ends_the_demo_early_with_the_summary()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = new NodeCommandRun(DemoCommand.Create(), ["demo", "--duration", "10m"], stop.Token);
        await run.WaitForOutputAsync(@"\[\s+2s\] quotes", TimeSpan.FromSeconds(90));
        stop.Cancel();
        int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        code.ShouldBe(0, $"OUTPUT:\n{run.Output}\nERROR:\n{run.Error}");
        double seconds = double.Parse(run.Summary("duration").Split(' ')[0], CultureInfo.InvariantCulture);
        seconds.ShouldBeLessThan(120);
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration")]
    [InlineData("--duration", "0s", "--duration")]
    [InlineData("--strategy", "nope", "--strategy")]
    [InlineData("--metrics-port", "70000", "--metrics-port")]
    public async Task Bad_arguments_exit_2_naming_the_option(string option, string value, string named)
    {
        var run = new NodeCommandRun(DemoCommand.Create(), ["demo", option, value], TestContext.Current.CancellationToken);
        (await run.Exit).ShouldBe(2);
        run.Error.ShouldContain(named);
    }
}
