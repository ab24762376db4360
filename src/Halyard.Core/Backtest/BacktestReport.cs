using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Halyard.Core.Backtest;

/// <summary>
/// Renders a <see cref="BacktestResult"/> as results.json, trades.csv and report.html (text only, the
/// caller writes the files). Invariant culture, fixed field order, no wall-clock time: the same result
/// gives the same bytes.
/// </summary>
public static class BacktestReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ToJson(BacktestResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("start", Iso(r.StartNs));
            w.WriteString("end", r.EndNs == long.MaxValue ? null : Iso(r.EndNs));
            w.WriteString("firstEvent", Iso(r.FirstEventNs));
            w.WriteString("lastEvent", Iso(r.LastEventNs));
            w.WriteNumber("events", r.Events);
            WriteStrings(w, "instruments", r.Instruments);
            WriteStrings(w, "strategies", r.Strategies);
            w.WriteStartObject("summary");
            w.WriteNumber("startingBalance", r.StartingBalance);
            w.WriteNumber("finalEquity", r.FinalEquity);
            w.WriteNumber("pnl", r.Pnl);
            w.WriteNumber("realizedPnl", r.RealizedPnl);
            w.WriteNumber("fees", r.Fees);
            w.WriteNumber("fundingPaid", r.FundingPaid);
            w.WriteNumber("maxDrawdown", r.MaxDrawdown);
            w.WriteNumber("maxDrawdownPct", Math.Round(r.MaxDrawdownPct, 8));
            w.WriteNumber("sharpe", r.Sharpe);
            w.WriteNumber("fills", r.Fills.Count);
            w.WriteNumber("orders", r.Orders.Count);
            w.WriteNumber("liquidations", r.Liquidations);
            w.WriteEndObject();
            w.WriteStartArray("fills");
            foreach (BacktestFill f in r.Fills)
            {
                w.WriteStartObject();
                w.WriteNumber("tsNs", f.TsNs);
                w.WriteString("instrument", f.InstrumentId.ToString());
                w.WriteString("strategy", f.StrategyId.Value);
                w.WriteString("clientOrderId", f.ClientOrderId.Value);
                w.WriteString("venueOrderId", f.VenueOrderId);
                w.WriteString("tradeId", f.TradeId);
                w.WriteString("side", f.Side.ToString());
                w.WriteNumber("quantity", f.Quantity);
                w.WriteNumber("price", f.Price);
                w.WriteNumber("fee", f.Fee);
                w.WriteString("liquidity", f.Liquidity.ToString());
                w.WriteNumber("realizedPnl", f.RealizedPnl);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("orders");
            foreach (BacktestOrderRecord o in r.Orders)
            {
                w.WriteStartObject();
                w.WriteNumber("tsInit", o.TsInit);
                w.WriteString("instrument", o.InstrumentId.ToString());
                w.WriteString("strategy", o.StrategyId.Value);
                w.WriteString("clientOrderId", o.ClientOrderId.Value);
                w.WriteString("side", o.Side.ToString());
                w.WriteString("type", o.Type.ToString());
                w.WriteNumber("quantity", o.Quantity);
                WriteNullable(w, "price", o.Price);
                WriteNullable(w, "triggerPrice", o.TriggerPrice);
                w.WriteNumber("filledQuantity", o.FilledQuantity);
                WriteNullable(w, "averagePrice", o.AveragePrice);
                w.WriteString("status", o.Status.ToString());
                w.WriteNumber("tsLast", o.TsLast);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("positions");
            foreach (BacktestPositionRecord p in r.Positions)
            {
                w.WriteStartObject();
                w.WriteString("coin", p.Instrument);
                w.WriteNumber("quantity", p.SignedQuantity);
                w.WriteNumber("entryPrice", p.EntryPrice);
                w.WriteNumber("unrealizedPnl", p.UnrealizedPnl);
                w.WriteNumber("realizedPnl", p.RealizedPnl);
                w.WriteNumber("funding", p.Funding);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("equity");
            foreach (EquityPoint e in r.EquityCurve)
            {
                w.WriteStartArray();
                w.WriteNumberValue(e.TsNs);
                w.WriteNumberValue(e.Equity);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string ToCsv(BacktestResult r)
    {
        var sb = new StringBuilder("ts_ns,time_utc,instrument,strategy,client_order_id,venue_order_id,trade_id,side,quantity,price,fee,liquidity,realized_pnl\n");
        foreach (BacktestFill f in r.Fills)
        {
            sb.Append(f.TsNs.ToString(Inv)).Append(',').Append(Iso(f.TsNs)).Append(',').Append(f.InstrumentId).Append(',')
              .Append(f.StrategyId.Value).Append(',').Append(f.ClientOrderId.Value).Append(',').Append(f.VenueOrderId).Append(',')
              .Append(f.TradeId).Append(',').Append(f.Side).Append(',').Append(f.Quantity.ToString(Inv)).Append(',')
              .Append(f.Price.ToString(Inv)).Append(',').Append(f.Fee.ToString(Inv)).Append(',').Append(f.Liquidity).Append(',')
              .Append(f.RealizedPnl.ToString(Inv)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A self-contained page: summary, inline SVG equity curve, fills table. Works offline.</summary>
    public static string ToHtml(BacktestResult r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest report</title>\n<style>")
          .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
          .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}")
          .Append("svg{border:1px solid #ddd;background:#fcfcfc}</style></head><body>\n");
        sb.Append("<h1>Backtest: ").Append(Escape(string.Join(", ", r.Strategies))).Append(" on ").Append(Escape(string.Join(", ", r.Instruments))).Append("</h1>\n");
        sb.Append("<p>").Append(Iso(r.FirstEventNs)).Append(" to ").Append(Iso(r.LastEventNs)).Append(", ").Append(r.Events.ToString("N0", Inv)).Append(" events</p>\n");
        sb.Append("<table>");
        Row(sb, "Starting balance", r.StartingBalance.ToString(Inv));
        Row(sb, "Final equity", r.FinalEquity.ToString(Inv));
        Row(sb, "PnL", r.Pnl.ToString(Inv));
        Row(sb, "Realized PnL", r.RealizedPnl.ToString(Inv));
        Row(sb, "Fees", r.Fees.ToString(Inv));
        Row(sb, "Funding paid", r.FundingPaid.ToString(Inv));
        Row(sb, "Max drawdown", $"{r.MaxDrawdown.ToString(Inv)} ({(r.MaxDrawdownPct * 100).ToString("F2", Inv)} %)");
        Row(sb, "Sharpe (annualized)", r.Sharpe.ToString("F3", Inv));
        Row(sb, "Fills / orders", $"{r.Fills.Count} / {r.Orders.Count}");
        sb.Append("</table>\n<h2>Equity</h2>\n");
        AppendChart(sb, r.EquityCurve);
        sb.Append("<h2>Fills</h2>\n<table><tr><th>time (UTC)</th><th>instrument</th><th>side</th><th>quantity</th><th>price</th><th>fee</th><th>liquidity</th><th>realized PnL</th></tr>\n");
        foreach (BacktestFill f in r.Fills.Take(5000))
        {
            sb.Append("<tr><td>").Append(Iso(f.TsNs)).Append("</td><td>").Append(Escape(f.InstrumentId.ToString())).Append("</td><td>").Append(f.Side)
              .Append("</td><td>").Append(f.Quantity.ToString(Inv)).Append("</td><td>").Append(f.Price.ToString(Inv)).Append("</td><td>")
              .Append(f.Fee.ToString(Inv)).Append("</td><td>").Append(f.Liquidity).Append("</td><td>").Append(f.RealizedPnl.ToString(Inv)).Append("</td></tr>\n");
        }
        sb.Append("</table>\n");
        if (r.Fills.Count > 5000) sb.Append("<p>First 5000 of ").Append(r.Fills.Count.ToString(Inv)).Append(" fills; all are in trades.csv.</p>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void AppendChart(StringBuilder sb, IReadOnlyList<EquityPoint> curve)
    {
        const int width = 900, height = 300, pad = 50;
        sb.Append("<svg id=\"equity\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\">");
        if (curve.Count > 0)
        {
            long t0 = curve[0].TsNs, t1 = Math.Max(curve[^1].TsNs, t0 + 1);
            decimal lo = curve.Min(p => p.Equity), hi = curve.Max(p => p.Equity);
            if (hi == lo) { hi += 1; lo -= 1; }
            sb.Append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\" points=\"");
            // At most ~2000 points: the page stays small for long runs (every point is in results.json).
            int step = Math.Max(1, curve.Count / 2000);
            for (int i = 0; i < curve.Count; i += step) AppendPoint(sb, curve[i], t0, t1, lo, hi, width, height, pad);
            if ((curve.Count - 1) % step != 0) AppendPoint(sb, curve[^1], t0, t1, lo, hi, width, height, pad);
            sb.Append("\"/>");
            sb.Append("<text x=\"4\" y=\"").Append(pad - 8).Append("\" font-size=\"12\">").Append(hi.ToString("0.##", Inv)).Append("</text>");
            sb.Append("<text x=\"4\" y=\"").Append(height - pad + 16).Append("\" font-size=\"12\">").Append(lo.ToString("0.##", Inv)).Append("</text>");
            sb.Append("<text x=\"").Append(pad).Append("\" y=\"").Append(height - 8).Append("\" font-size=\"12\">").Append(Iso(t0)).Append("</text>");
            sb.Append("<text x=\"").Append(width - 230).Append("\" y=\"").Append(height - 8).Append("\" font-size=\"12\">").Append(Iso(curve[^1].TsNs)).Append("</text>");
        }
        sb.Append("</svg>\n");
    }

    private static void AppendPoint(StringBuilder sb, EquityPoint p, long t0, long t1, decimal lo, decimal hi, int width, int height, int pad)
    {
        double x = pad + (double)(p.TsNs - t0) / (t1 - t0) * (width - 2 * pad);
        double y = height - pad - (double)((p.Equity - lo) / (hi - lo)) * (height - 2 * pad);
        sb.Append(x.ToString("F1", Inv)).Append(',').Append(y.ToString("F1", Inv)).Append(' ');
    }

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(name).Append("</th><td>").Append(Escape(value)).Append("</td></tr>");

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Iso(long ns) => DateTime.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", Inv);

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is decimal d) w.WriteNumber(name, d);
        else w.WriteNull(name);
    }
}
