using System.Globalization;
using Halyard.Core.Data;
using Halyard.Persistence.Catalog;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>What `halyard record` shows while it runs: per type rows received, written, dropped, files and bytes.</summary>
internal sealed class RecordProgress(DataRecorder recorder, RecordedData data)
{
    private static readonly (RecordedData Flag, MarketDataKind Kind)[] Kinds =
    [
        (RecordedData.Quotes, MarketDataKind.QuoteTick), (RecordedData.Trades, MarketDataKind.TradeTick), (RecordedData.Book, MarketDataKind.OrderBookDelta),
        (RecordedData.Bars, MarketDataKind.Bar), (RecordedData.MarkPrices, MarketDataKind.MarkPriceUpdate), (RecordedData.FundingRates, MarketDataKind.FundingRateUpdate),
        (RecordedData.Depth10, MarketDataKind.OrderBookDepth10),
    ];

    public Table Table(TimeSpan elapsed)
    {
        var table = new Table().Title($"recording for {elapsed:hh\\:mm\\:ss}").AddColumns("type", "received", "written", "dropped", "files", "bytes");
        foreach ((RecordedData flag, MarketDataKind kind) in Kinds)
        {
            if (!data.HasFlag(flag)) continue;
            RecorderStats s = recorder.StatsOf(kind);
            table.AddRow(CatalogLayout.FolderOf(kind), N(s.Received), N(s.RowsWritten), s.Dropped > 0 ? $"[red]{N(s.Dropped)}[/]" : "0", N(s.FilesWritten), N(s.BytesWritten));
        }
        return table;
    }

    public string Line(TimeSpan elapsed) =>
        $"{elapsed:hh\\:mm\\:ss} " + string.Join("; ", Kinds.Where(k => data.HasFlag(k.Flag)).Select(k =>
        {
            RecorderStats s = recorder.StatsOf(k.Kind);
            return $"{CatalogLayout.FolderOf(k.Kind)} {N(s.Received)} received, {N(s.RowsWritten)} written, {N(s.Dropped)} dropped, {N(s.FilesWritten)} files, {N(s.BytesWritten)} B";
        }));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
