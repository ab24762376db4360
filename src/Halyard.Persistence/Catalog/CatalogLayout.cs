using System.Globalization;
using System.Text.RegularExpressions;
using Halyard.Core.Data;

namespace Halyard.Persistence.Catalog;

/// <summary>
/// NautilusTrader's catalog layout: <c>data/&lt;type&gt;/&lt;instrument or bar type&gt;/&lt;start&gt;_&lt;end&gt;.parquet</c>,
/// start and end being the first and last <c>ts_init</c> as ISO-8601 with nanoseconds, ':' and '.' written '-'.
/// </summary>
public static partial class CatalogLayout
{
    public const string DataFolder = "data";
    public const string FileExtension = ".parquet";
    public const string TemporaryExtension = ".tmp";

    /// <summary>The folder a kind is written to.</summary>
    public static string FolderOf(MarketDataKind kind) => kind switch
    {
        MarketDataKind.QuoteTick => "quote_tick",
        MarketDataKind.TradeTick => "trade_tick",
        MarketDataKind.OrderBookDelta => "order_book_deltas",
        MarketDataKind.Bar => "bar",
        MarketDataKind.MarkPriceUpdate => "mark_price_update",
        MarketDataKind.FundingRateUpdate => "funding_rate_update",
        MarketDataKind.OrderBookDepth10 => "order_book_depths",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Every folder a kind is read from: ours first, then the spellings other writers use.</summary>
    public static IReadOnlyList<string> ReadFoldersOf(MarketDataKind kind) => kind switch
    {
        MarketDataKind.QuoteTick => ["quote_tick", "quotes"],
        MarketDataKind.TradeTick => ["trade_tick", "trades"],
        MarketDataKind.Bar => ["bar", "bars"],
        _ => [FolderOf(kind)],
    };

    /// <summary>The kind stored in a type folder, or null for one this catalog does not read.</summary>
    public static MarketDataKind? KindOfFolder(string folder) => folder switch
    {
        "quote_tick" or "quotes" => MarketDataKind.QuoteTick,
        "trade_tick" or "trades" => MarketDataKind.TradeTick,
        "order_book_deltas" => MarketDataKind.OrderBookDelta,
        "bar" or "bars" => MarketDataKind.Bar,
        "mark_price_update" => MarketDataKind.MarkPriceUpdate,
        "funding_rate_update" => MarketDataKind.FundingRateUpdate,
        "order_book_depths" => MarketDataKind.OrderBookDepth10,
        _ => null,
    };

    /// <summary><c>2024-01-01T00-00-00-000000000Z_2024-01-01T00-59-59-999999999Z.parquet</c>.</summary>
    public static string FileName(long startNs, long endNs) => $"{Timestamp(startNs)}_{Timestamp(endNs)}{FileExtension}";

    /// <summary>A nanosecond timestamp as the file name writes it.</summary>
    public static string Timestamp(long ns)
    {
        if (ns < 0) throw new ArgumentOutOfRangeException(nameof(ns), ns, "timestamps before the epoch cannot name a file");
        DateTime seconds = DateTime.UnixEpoch.AddSeconds(ns / 1_000_000_000L);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds:yyyy-MM-dd'T'HH-mm-ss}-{ns % 1_000_000_000L:D9}Z");
    }

    /// <summary>Reads the interval from a file name; false for names this layout does not produce.</summary>
    public static bool TryParseFileName(string fileName, out long startNs, out long endNs)
    {
        startNs = endNs = 0;
        Match match = FileNamePattern().Match(fileName);
        return match.Success && TryParseTimestamp(match.Groups[1].Value, out startNs) && TryParseTimestamp(match.Groups[2].Value, out endNs) && startNs <= endNs;
    }

    private static bool TryParseTimestamp(string text, out long ns)
    {
        ns = 0;
        if (!DateTime.TryParseExact(text.AsSpan(0, 19), "yyyy-MM-dd'T'HH-mm-ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime seconds)) return false;
        long fraction = long.Parse(text.AsSpan(20, 9), CultureInfo.InvariantCulture);
        ns = (seconds - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond * 1_000_000_000L + fraction;
        return true;
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{9}Z)_(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{9}Z)\.parquet$")]
    private static partial Regex FileNamePattern();
}
