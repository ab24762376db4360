using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog.Codecs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Persistence.Catalog;

/// <summary>
/// A Parquet data catalog laid out and encoded as NautilusTrader's <c>ParquetDataCatalog</c> does, so
/// either tool reads what the other wrote. Writes are whole files (temporary name, then rename);
/// reads stream row group by row group, merged across files and instruments in <c>ts_init</c> order.
/// </summary>
public sealed partial class ParquetDataCatalog : IMarketDataSource
{
    private readonly ILogger _logger;

    public string Root { get; }
    public CatalogOptions Options { get; }

    public ParquetDataCatalog(string root = CatalogOptions.DefaultRoot, CatalogOptions? options = null, ILogger<ParquetDataCatalog>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Options = options ?? new CatalogOptions();
        Options.Validate();
        Root = Path.GetFullPath(root);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The folder of one kind and key (instrument id, or bar type for bars) as written.</summary>
    public string DirectoryOf(MarketDataKind kind, string key) =>
        Path.Combine(Root, CatalogLayout.DataFolder, CatalogLayout.FolderOf(kind), SafeKey(key));

    /// <summary>Every file of a kind, by key then start; <paramref name="keys"/> restricts the keys (null: all).</summary>
    public IReadOnlyList<CatalogFile> Files(MarketDataKind kind, Func<string, bool>? keys = null)
    {
        var files = new List<CatalogFile>();
        foreach (string folder in CatalogLayout.ReadFoldersOf(kind))
        {
            string typeDirectory = Path.Combine(Root, CatalogLayout.DataFolder, folder);
            if (!Directory.Exists(typeDirectory)) continue;
            foreach (string keyDirectory in Directory.EnumerateDirectories(typeDirectory))
            {
                string key = Path.GetFileName(keyDirectory);
                if (keys is not null && !keys(key)) continue;
                foreach (string path in Directory.EnumerateFiles(keyDirectory, "*" + CatalogLayout.FileExtension))
                {
                    if (!CatalogLayout.TryParseFileName(Path.GetFileName(path), out long start, out long end))
                    {
                        _logger.LogWarning("Catalog file {Path} does not follow the <start>_<end>.parquet naming; ignored", path);
                        continue;
                    }
                    files.Add(new CatalogFile(kind, key, path, start, end, new FileInfo(path).Length));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey && byKey != 0 ? byKey : a.StartNs.CompareTo(b.StartNs));
        return files;
    }

    /// <summary>What the catalog holds: per kind and key, files, rows (from the footers), bytes and the time range.</summary>
    public IReadOnlyList<CatalogEntry> List()
    {
        var entries = new List<CatalogEntry>();
        foreach (MarketDataKind kind in Enum.GetValues<MarketDataKind>())
        {
            foreach (IGrouping<string, CatalogFile> group in Files(kind).GroupBy(f => f.Key))
            {
                long rows = 0;
                int bad = 0;
                foreach (CatalogFile file in group)
                {
                    try
                    {
                        rows += CountRows(kind, file.Path);
                    }
                    catch (CatalogFormatException e)
                    {
                        bad++;
                        _logger.LogWarning("Catalog file {Path} is unreadable: {Reason}", e.Path, e.Reason);
                    }
                }
                int temporary = Directory.EnumerateFiles(Path.GetDirectoryName(group.First().Path)!, "*" + CatalogLayout.TemporaryExtension).Count();
                entries.Add(new CatalogEntry(kind, group.Key, group.Count(), rows, group.Sum(f => f.Bytes),
                    group.Min(f => f.StartNs), group.Max(f => f.EndNs), bad, temporary));
            }
        }
        return entries;
    }

    private static long CountRows(MarketDataKind kind, string path) => kind switch
    {
        MarketDataKind.QuoteTick => CatalogFileOpener.CountRows(path, QuoteTickCodec.Instance),
        MarketDataKind.TradeTick => CatalogFileOpener.CountRows(path, TradeTickCodec.Instance),
        MarketDataKind.OrderBookDelta => CatalogFileOpener.CountRows(path, OrderBookDeltaCodec.Instance),
        MarketDataKind.Bar => CatalogFileOpener.CountRows(path, BarCodec.Instance),
        MarketDataKind.MarkPriceUpdate => CatalogFileOpener.CountRows(path, MarkPriceUpdateCodec.Instance),
        MarketDataKind.FundingRateUpdate => CatalogFileOpener.CountRows(path, FundingRateUpdateCodec.Instance),
        MarketDataKind.OrderBookDepth10 => CatalogFileOpener.CountRows(path, OrderBookDepth10Codec.Instance),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Folder names are ids as they are, minus path separators (NautilusTrader strips '/').</summary>
    internal static string SafeKey(string key)
    {
        string safe = key.Replace("/", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
        if (safe.Length == 0 || safe is "." or "..") throw new ArgumentException($"'{key}' cannot name a catalog folder", nameof(key));
        return safe;
    }

    internal static bool MatchesInstrument(MarketDataKind kind, string key, IReadOnlyList<InstrumentId>? instruments, IReadOnlyList<BarType>? barTypes)
    {
        if (kind == MarketDataKind.Bar)
        {
            if (barTypes is { Count: > 0 }) return barTypes.Any(b => SafeKey(b.ToString()) == key);
            return instruments is not { Count: > 0 } || instruments.Any(i => key.StartsWith(SafeKey(i.ToString()) + "-", StringComparison.Ordinal));
        }
        return instruments is not { Count: > 0 } || instruments.Any(i => SafeKey(i.ToString()) == key);
    }
}
