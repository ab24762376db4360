using System.Diagnostics.Metrics;
using Halyard.Cli.Hosting;
using Halyard.Hyperliquid;

namespace Halyard.IntegrationTests.Cli;

public class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_serves_the_adapter_latency_histograms_and_counters_as_prometheus_text()
    {
        using var collector = new PrometheusCollector();
        using var metrics = new HyperliquidMetrics();
        metrics.FeedLatency.RecordNanoseconds(80_000);     // 80 µs
        metrics.FeedLatency.RecordNanoseconds(3_000_000);  // 3 ms
        metrics.OrderLatency.RecordNanoseconds(400_000);
        metrics.Messages.Add(5);
        metrics.Reconnects.Add(1);
        await using var endpoint = await MetricsEndpoint.StartAsync(collector, 0, TestContext.Current.CancellationToken);

        using var http = new HttpClient();
        using var response = await http.GetAsync(endpoint.Url, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        text.ShouldContain("# TYPE halyard_feed_latency_us histogram");
        text.ShouldContain("halyard_feed_latency_us_bucket{le=\"100\"} 1");
        text.ShouldContain("halyard_feed_latency_us_bucket{le=\"2500\"} 1");
        text.ShouldContain("halyard_feed_latency_us_bucket{le=\"5000\"} 2");
        text.ShouldContain("halyard_feed_latency_us_bucket{le=\"+Inf\"} 2");
        text.ShouldContain("halyard_feed_latency_us_count 2");
        text.ShouldContain("halyard_feed_latency_us_sum 3080");
        text.ShouldContain("halyard_order_latency_us_count 1");
        text.ShouldContain("# TYPE halyard_feed_messages counter");
        text.ShouldContain("halyard_feed_messages_total 5");
        text.ShouldContain("halyard_ws_reconnects_total 1");
    }

    [Fact]
    public void Tagged_measurements_become_labelled_series()
    {
        string meterName = $"Halyard.Test.{Guid.NewGuid():N}";
        using var collector = new PrometheusCollector(name => name == meterName);
        using var meter = new Meter(meterName);
        Counter<long> fills = meter.CreateCounter<long>("halyard.test.fills");
        fills.Add(2, new KeyValuePair<string, object?>("instrument", "BTC-USD-PERP"));
        fills.Add(3, new KeyValuePair<string, object?>("instrument", "ETH-USD-PERP"));
        fills.Add(1, new KeyValuePair<string, object?>("instrument", "BTC-USD-PERP"));
        meter.CreateObservableGauge("halyard.test.open_orders", () => 7);

        string text = collector.Render();

        text.ShouldContain("halyard_test_fills_total{instrument=\"BTC-USD-PERP\"} 3");
        text.ShouldContain("halyard_test_fills_total{instrument=\"ETH-USD-PERP\"} 3");
        text.ShouldContain("# TYPE halyard_test_open_orders gauge");
        text.ShouldContain("halyard_test_open_orders 7");
        collector.CounterTotal("halyard.test.fills").ShouldBe(6);
    }

    [Fact]
    public async Task A_port_in_use_fails_with_a_message_naming_it()
    {
        using var collector = new PrometheusCollector();
        await using var first = await MetricsEndpoint.StartAsync(collector, 0, TestContext.Current.CancellationToken);
        int port = new Uri(first.Url).Port;
        var ex = await Should.ThrowAsync<InvalidOperationException>(() => MetricsEndpoint.StartAsync(collector, port, TestContext.Current.CancellationToken));
        ex.Message.ShouldContain($"127.0.0.1:{port}");
    }
}
