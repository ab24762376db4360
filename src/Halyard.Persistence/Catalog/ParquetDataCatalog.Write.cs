using System.Runtime.InteropServices;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog.Codecs;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Halyard.Persistence.Catalog;

public sealed partial class ParquetDataCatalog
{
    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, List<CatalogFile>> _writtenByDirectory = new(StringComparer.Ordinal);

    /// <summary>Test hook: runs after each row group is written to the temporary file (to simulate a crash mid-file).</summary>
    internal Action<string>? AfterRowGroup { get; set; }

    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<QuoteTick> rows) => WriteRows(QuoteTickCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<TradeTick> rows) => WriteRows(TradeTickCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<OrderBookDelta> rows) => WriteRows(OrderBookDeltaCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<Bar> rows) => WriteRows(BarCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<MarkPriceUpdate> rows) => WriteRows(MarkPriceUpdateCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<FundingRateUpdate> rows) => WriteRows(FundingRateUpdateCodec.Instance, rows);
    public IReadOnlyList<CatalogFile> Write(ReadOnlySpan<OrderBookDepth10> rows) => WriteRows(OrderBookDepth10Codec.Instance, rows);

    /// <summary>
    /// Writes rows of one kind: grouped by instrument (or bar type), ordered by <c>ts_init</c> (stable),
    /// one file per rotation interval (<see cref="CatalogOptions.RotationNs"/>) they touch. Each file is written under a temporary name, synced and
    /// renamed, so readers never see part of one.
    /// </summary>
    /// <exception cref="CatalogOverlapException">A chunk's interval overlaps a file already there; nothing of that chunk is written.</exception>
    internal IReadOnlyList<CatalogFile> WriteRows<T>(CatalogCodec<T> codec, ReadOnlySpan<T> rows)
    {
        if (rows.IsEmpty) return [];
        var written = new List<CatalogFile>();
        var buffers = new ColumnBuffers(Options.RowGroupSize);
        string firstKey = codec.KeyOf(rows[0]);
        bool oneKey = true;
        for (int i = 1; i < rows.Length && oneKey; i++) oneKey = codec.KeyOf(rows[i]) == firstKey;
        if (oneKey)
        {
            WriteKey(codec, firstKey, rows, buffers, written);
            return written;
        }
        var byKey = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (T row in rows)
        {
            string key = codec.KeyOf(row);
            if (!byKey.TryGetValue(key, out List<T>? list)) byKey[key] = list = [];
            list.Add(row);
        }
        foreach ((string key, List<T> list) in byKey.OrderBy(p => p.Key, StringComparer.Ordinal))
            WriteKey(codec, key, CollectionsMarshal.AsSpan(list), buffers, written);
        return written;
    }

    private void WriteKey<T>(CatalogCodec<T> codec, string key, ReadOnlySpan<T> rows, ColumnBuffers buffers, List<CatalogFile> written)
    {
        bool sorted = true;
        for (int i = 0; i < rows.Length; i++)
        {
            long ts = codec.TsInitOf(rows[i]);
            if (ts < 0) throw new ArgumentOutOfRangeException(nameof(rows), ts, $"ts_init of {key} is before the epoch");
            if (i > 0 && ts < codec.TsInitOf(rows[i - 1])) sorted = false;
        }
        if (!sorted)
        {
            T[] copy = rows.ToArray();
            rows = copy.Select((row, index) => (row, index)).OrderBy(p => codec.TsInitOf(p.row)).ThenBy(p => p.index).Select(p => p.row).ToArray();
        }

        long interval = Options.RotationNs(codec.Kind);
        int start = 0;
        while (start < rows.Length)
        {
            long bucket = codec.TsInitOf(rows[start]) / interval;
            int end = start + 1;
            while (end < rows.Length && codec.TsInitOf(rows[end]) / interval == bucket) end++;
            written.Add(WriteFile(codec, key, rows[start..end], buffers));
            start = end;
        }
    }

    private CatalogFile WriteFile<T>(CatalogCodec<T> codec, string key, ReadOnlySpan<T> rows, ColumnBuffers buffers)
    {
        long start = codec.TsInitOf(rows[0]);
        long end = codec.TsInitOf(rows[^1]);
        Dictionary<string, string> metadata = codec.Metadata(rows);
        metadata[CatalogMetadata.SchemaVersion] = CatalogMetadata.Text(CatalogMetadata.CurrentSchemaVersion);
        string directory = DirectoryOf(codec.Kind, key);
        lock (_writeLock)
        {
            List<CatalogFile> existing = ExistingFiles(codec.Kind, key, directory);
            foreach (CatalogFile file in existing)
            {
                if (file.Overlaps(start, end)) throw new CatalogOverlapException(file.Path, start, end);
            }

            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, CatalogLayout.FileName(start, end));
            string temporary = path + CatalogLayout.TemporaryExtension;
            try
            {
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                {
                    using GroupNode schema = ParquetColumns.BuildSchema(codec.Columns);
                    using WriterProperties properties = ParquetColumns.BuildProperties(codec.Columns, Options.RowGroupSize);
                    using (var writer = new ParquetFileWriter(stream, schema, properties, metadata, leaveOpen: true))
                    {
                        for (int offset = 0; offset < rows.Length; offset += Options.RowGroupSize)
                        {
                            using (RowGroupWriter rowGroup = writer.AppendRowGroup())
                            {
                                codec.WriteRowGroup(rowGroup, rows.Slice(offset, Math.Min(Options.RowGroupSize, rows.Length - offset)), buffers);
                            }
                            AfterRowGroup?.Invoke(temporary);
                        }
                        writer.Close();
                    }
                    if (Options.SyncOnWrite) stream.Flush(flushToDisk: true);
                }
                File.Move(temporary, path);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
            var written = new CatalogFile(codec.Kind, key, path, start, end, new FileInfo(path).Length);
            existing.Add(written);
            return written;
        }
    }

    /// <summary>Files already in a write folder (read once, then kept current: one writer per catalog).</summary>
    private List<CatalogFile> ExistingFiles(Core.Data.MarketDataKind kind, string key, string directory)
    {
        if (_writtenByDirectory.TryGetValue(directory, out List<CatalogFile>? files)) return files;
        string safeKey = SafeKey(key);
        files = Files(kind, k => k == safeKey).Where(f => Path.GetDirectoryName(f.Path) == directory).ToList();
        _writtenByDirectory[directory] = files;
        return files;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(_logger, e, "Could not remove the temporary file {Path}", path);
        }
    }
}
