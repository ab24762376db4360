using System.Runtime.InteropServices;
using System.Threading.Channels;
using Halyard.Core.Data;
using Halyard.Persistence.Catalog.Codecs;
using Microsoft.Extensions.Logging;

namespace Halyard.Persistence.Catalog;

/// <summary>One kind's bounded queue and per-stream buffers inside the <see cref="DataRecorder"/>.</summary>
internal sealed class RecorderLane<T> : IRecorderLane
{
    private sealed class StreamBuffer
    {
        public readonly List<T> Rows = [];
        public long FirstArrival;
        public long Bucket = -1;
        public bool Due;
    }

    private readonly CatalogCodec<T> _codec;
    private readonly ParquetDataCatalog _catalog;
    private readonly RecorderOptions _options;
    private readonly DataRecorder _owner;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<T> _queue;
    private readonly Dictionary<string, StreamBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly long _rotationNs;
    private readonly TimeSpan _flushInterval;
    private long _received, _dropped, _rowsWritten, _filesWritten, _bytesWritten, _writeErrors;

    public RecorderLane(CatalogCodec<T> codec, ParquetDataCatalog catalog, RecorderOptions options, DataRecorder owner, ILogger logger, TimeProvider time)
    {
        _codec = codec;
        _catalog = catalog;
        _options = options;
        _owner = owner;
        _logger = logger;
        _time = time;
        _rotationNs = catalog.Options.RotationNs(codec.Kind);
        _flushInterval = codec.Kind is MarketDataKind.QuoteTick or MarketDataKind.TradeTick or MarketDataKind.OrderBookDelta or MarketDataKind.OrderBookDepth10
            ? options.FlushInterval
            : options.SparseFlushInterval;
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of evicting
        });
    }

    public MarketDataKind Kind => _codec.Kind;

    public RecorderStats Stats => new(Interlocked.Read(ref _received), Interlocked.Read(ref _dropped), Interlocked.Read(ref _rowsWritten),
        Interlocked.Read(ref _filesWritten), Interlocked.Read(ref _bytesWritten), Interlocked.Read(ref _writeErrors));

    public bool TryWrite(in T item) => _queue.Writer.TryWrite(item);

    /// <summary>Counts one item handed in, and a drop when it was not queued; returns <paramref name="queued"/>.</summary>
    public bool Accept(bool queued)
    {
        Interlocked.Increment(ref _received);
        if (!queued) Interlocked.Increment(ref _dropped);
        return queued;
    }

    public void CountReceived(int count) => Interlocked.Add(ref _received, count);

    public void CountDropped(int count) => Interlocked.Add(ref _dropped, count);

    public int FreeCapacity => _options.QueueCapacity - _queue.Reader.Count;

    public void Complete() => _queue.Writer.TryComplete();

    public bool IsCompleted => _queue.Reader.Completion.IsCompleted;

    /// <summary>Moves queued items into their stream buffers; returns how many.</summary>
    public int Drain(int max)
    {
        int moved = 0;
        long now = _time.GetTimestamp();
        while (moved < max && _queue.Reader.TryRead(out T? item))
        {
            string key = _codec.KeyOf(item);
            if (!_buffers.TryGetValue(key, out StreamBuffer? buffer)) _buffers[key] = buffer = new StreamBuffer();
            long bucket = _codec.TsInitOf(item) / _rotationNs;
            if (buffer.Rows.Count == 0) buffer.FirstArrival = now;
            else if (bucket != buffer.Bucket) buffer.Due = true; // a new interval began: close the previous one's file now
            buffer.Bucket = bucket;
            buffer.Rows.Add(item);
            moved++;
        }
        return moved;
    }

    /// <summary>Writes the buffers that are due (all of them when <paramref name="final"/>).</summary>
    public void Flush(bool final)
    {
        long now = _time.GetTimestamp();
        foreach ((string key, StreamBuffer buffer) in _buffers)
        {
            if (buffer.Rows.Count == 0) continue;
            bool full = buffer.Rows.Count >= _options.FlushRows || _time.GetElapsedTime(buffer.FirstArrival, now) >= _flushInterval;
            if (!final && !full && !buffer.Due) continue;
            Span<T> rows = CollectionsMarshal.AsSpan(buffer.Rows);
            // Only rotation is due: write the finished intervals, keep the current one buffered.
            int cut = final ? rows.Length : full ? CutBeforeNewestTimestamp(rows) : StartOfBucket(rows, buffer.Bucket);
            if (cut == 0) continue;
            Write(key, rows[..cut]);
            buffer.Rows.RemoveRange(0, cut);
            buffer.Due = false;
            buffer.FirstArrival = now;
        }
    }

    /// <summary>
    /// Rows sharing the newest ts_init stay buffered: more of them (the rest of a book update) may still
    /// come, and the next file must start after this one ends.
    /// </summary>
    private int CutBeforeNewestTimestamp(ReadOnlySpan<T> rows)
    {
        long newest = _codec.TsInitOf(rows[^1]);
        int cut = rows.Length;
        while (cut > 0 && _codec.TsInitOf(rows[cut - 1]) == newest) cut--;
        return cut;
    }

    private int StartOfBucket(ReadOnlySpan<T> rows, long bucket)
    {
        int start = rows.Length;
        while (start > 0 && _codec.TsInitOf(rows[start - 1]) / _rotationNs == bucket) start--;
        return start;
    }

    private void Write(string key, ReadOnlySpan<T> rows)
    {
        try
        {
            IReadOnlyList<CatalogFile> files = _catalog.WriteRows(_codec, rows);
            Interlocked.Add(ref _rowsWritten, rows.Length);
            Interlocked.Add(ref _filesWritten, files.Count);
            Interlocked.Add(ref _bytesWritten, files.Sum(f => f.Bytes));
        }
        catch (Exception e) when (e is CatalogOverlapException or ArgumentException or IOException or UnauthorizedAccessException or ParquetSharp.ParquetException)
        {
            Interlocked.Increment(ref _writeErrors);
            Interlocked.Add(ref _dropped, rows.Length);
            _owner.CountFailedWrite();
            _logger.LogError(e, "Recorder could not write {Rows} {Kind} rows of {Key}; they are dropped", rows.Length, _codec.Kind, key);
        }
    }
}
