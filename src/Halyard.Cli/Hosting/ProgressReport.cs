using System.Globalization;
using Halyard.Hyperliquid;
using Spectre.Console;

namespace Halyard.Cli.Hosting;

/// <summary>The one-line progress and the end-of-run summary table of `halyard demo` and `halyard live`.</summary>
public static class ProgressReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"[ 12s] quotes 19.8/s (238) | orders 6 fills 6 rejected 0 | BTC +0.0013 | PnL +1.20 (unreal -0.40) fees 0.12 | feed p50 85µs p99 420µs | order p50 350µs p99 1.2ms".</summary>
    public static string Line(NodeActivitySnapshot now, NodeActivitySnapshot? previous, TimeSpan elapsed, TimeSpan sincePrevious, HyperliquidMetrics metrics)
    {
        double rate = (now.Quotes - (previous?.Quotes ?? 0)) / Math.Max(sincePrevious.TotalSeconds, 1e-3);
        LatencySummary feed = metrics.FeedLatency.Snapshot();
        LatencySummary order = metrics.OrderLatency.Snapshot();
        string positions = now.Positions.Count == 0 ? "flat" : string.Join(" ", now.Positions.Select(p => $"{Coin(p.Instrument.ToString())} {p.NetQuantity.ToString("+0.########;-0.########;0", Inv)}"));
        return string.Create(Inv,
            $"[{elapsed.TotalSeconds,4:0}s] quotes {rate,5:0.0}/s ({now.Quotes}) | orders {now.Orders} fills {now.Fills} rejected {now.Rejections} | {positions} | " +
            $"PnL {Signed(now.RealizedPnl + now.UnrealizedPnl)} (unreal {Signed(now.UnrealizedPnl)}) fees {now.Fees:0.00} | " +
            $"feed p50 {Micros(feed.P50Micros)} p99 {Micros(feed.P99Micros)} | order p50 {Micros(order.P50Micros)} p99 {Micros(order.P99Micros)}");
    }

    public static Table Summary(NodeActivitySnapshot s, TimeSpan elapsed, HyperliquidMetrics metrics, long reconnects)
    {
        var table = new Table().AddColumns("metric", "value");
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("duration", string.Create(Inv, $"{elapsed.TotalSeconds:0.0} s"));
        Row("quotes", string.Create(Inv, $"{s.Quotes:N0} ({s.Quotes / Math.Max(elapsed.TotalSeconds, 1e-3):0.0}/s)"));
        Row("trades (market)", s.Trades.ToString("N0", Inv));
        Row("orders", s.Orders.ToString("N0", Inv));
        Row("fills", s.Fills.ToString("N0", Inv));
        Row("rejected / denied", s.Rejections.ToString("N0", Inv));
        Row("open orders at end", s.OpenOrders.ToString(Inv));
        Row("positions at end", s.Positions.Count == 0 ? "flat" : string.Join(", ", s.Positions.Select(p => $"{p.Instrument} {p.NetQuantity.ToString("+0.########;-0.########;0", Inv)}")));
        Row("fees (USDC)", s.Fees.ToString("0.000000", Inv));
        Row("realized PnL (USDC)", Signed(s.RealizedPnl, "0.000000"));
        Row("unrealized PnL (USDC)", Signed(s.UnrealizedPnl, "0.000000"));
        Row("net PnL after fees (USDC)", Signed(s.RealizedPnl + s.UnrealizedPnl - s.Fees, "0.000000"));
        Row("feed latency (venue → kernel)", Percentiles(metrics.FeedLatency.Snapshot()));
        Row("feed processing (socket → kernel)", Percentiles(metrics.FeedProcessing.Snapshot()));
        Row("order latency (submit → ack)", Percentiles(metrics.OrderLatency.Snapshot()));
        Row("reconnects", reconnects.ToString(Inv));
        Row("alerts", s.Alerts.ToString(Inv));
        return table;
    }

    private static string Percentiles(LatencySummary l) => l.Count == 0
        ? "no samples"
        : string.Create(Inv, $"p50 {Micros(l.P50Micros)}  p90 {Micros(l.P90Micros)}  p99 {Micros(l.P99Micros)}  max {Micros(l.MaxMicros)}  (n={l.Count:N0})");

    internal static string Micros(double us) => us switch
    {
        0 => "-",
        < 1_000 => string.Create(Inv, $"{us:0}µs"),
        < 1_000_000 => string.Create(Inv, $"{us / 1_000:0.0}ms"),
        _ => string.Create(Inv, $"{us / 1_000_000:0.00}s"),
    };

    private static string Signed(decimal v, string format = "0.00") => v.ToString($"+{format};-{format};{format}", Inv);

    private static string Coin(string instrumentId) => instrumentId.Split('-')[0];
}
