using System.Diagnostics.Metrics;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog.Codecs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Persistence.Catalog;

/// <summary>
/// Records live data into a <see cref="ParquetDataCatalog"/> without blocking the caller: <c>Record</c>
/// puts the item in a bounded queue (or counts it as dropped when the queue is full) and a background
/// task writes whole files, per stream, by size, age or rotation interval. Call <c>Record</c> from one
/// thread (the kernel's). Stop or dispose to write what is buffered.
/// </summary>
public sealed class DataRecorder : IAsyncDisposable
{
    /// <summary>The meter the recorder's counters are published on.</summary>
    public const string MeterName = "Halyard.Persistence.Recorder";

    private readonly ILogger _logger;
    private readonly RecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly RecorderLane<QuoteTick> _quotes;
    private readonly RecorderLane<TradeTick> _trades;
    private readonly RecorderLane<OrderBookDelta> _deltas;
    private readonly RecorderLane<Bar> _bars;
    private readonly RecorderLane<MarkPriceUpdate> _marks;
    private readonly RecorderLane<FundingRateUpdate> _funding;
    private readonly RecorderLane<OrderBookDepth10> _depths;
    private readonly HashSet<InstrumentId> _booksAwaitingSnapshot = [];
    private readonly Meter _meter;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stopping = new();
    private readonly IRecorderLane[] _lanes;
    private long _writeErrors;
    private long _droppedReported;

    public DataRecorder(ParquetDataCatalog catalog, RecorderOptions? options = null, ILogger<DataRecorder>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _options = options ?? new RecorderOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _quotes = new(QuoteTickCodec.Instance, catalog, _options, this, _logger, _time);
        _trades = new(TradeTickCodec.Instance, catalog, _options, this, _logger, _time);
        _deltas = new(OrderBookDeltaCodec.Instance, catalog, _options, this, _logger, _time);
        _bars = new(BarCodec.Instance, catalog, _options, this, _logger, _time);
        _marks = new(MarkPriceUpdateCodec.Instance, catalog, _options, this, _logger, _time);
        _funding = new(FundingRateUpdateCodec.Instance, catalog, _options, this, _logger, _time);
        _depths = new(OrderBookDepth10Codec.Instance, catalog, _options, this, _logger, _time);
        _lanes = [_quotes, _trades, _deltas, _bars, _marks, _funding, _depths];
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter("halyard_recorder_received", () => Stats.Received, description: "items handed to the recorder");
        _meter.CreateObservableCounter("halyard_recorder_dropped", () => Stats.Dropped, description: "items not written (queue full, book gap, failed write)");
        _meter.CreateObservableCounter("halyard_recorder_rows_written", () => Stats.RowsWritten);
        _meter.CreateObservableCounter("halyard_recorder_files_written", () => Stats.FilesWritten);
        _meter.CreateObservableCounter("halyard_recorder_bytes_written", () => Stats.BytesWritten, unit: "By");
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Totals over every kind.</summary>
    public RecorderStats Stats
    {
        get
        {
            long received = 0, dropped = 0, rows = 0, files = 0, bytes = 0;
            foreach (IRecorderLane lane in _lanes)
            {
                RecorderStats kind = lane.Stats;
                received += kind.Received;
                dropped += kind.Dropped;
                rows += kind.RowsWritten;
                files += kind.FilesWritten;
                bytes += kind.BytesWritten;
            }
            return new(received, dropped, rows, files, bytes, Interlocked.Read(ref _writeErrors));
        }
    }

    /// <summary>What the recorder has done with one kind (its <see cref="RecorderStats.WriteErrors"/> count failed flushes of that kind).</summary>
    public RecorderStats StatsOf(Core.Data.MarketDataKind kind) => Array.Find(_lanes, l => l.Kind == kind)?.Stats
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a recorded kind");

    public long Dropped => Stats.Dropped;

    public bool Record(in QuoteTick quote) => _quotes.Accept(_quotes.TryWrite(quote));
    public bool Record(in TradeTick trade) => _trades.Accept(_trades.TryWrite(trade));
    public bool Record(in Bar bar) => _bars.Accept(_bars.TryWrite(bar));
    public bool Record(in MarkPriceUpdate mark) => _marks.Accept(_marks.TryWrite(mark));
    public bool Record(in FundingRateUpdate funding) => _funding.Accept(_funding.TryWrite(funding));

    /// <summary>Records a depth snapshot; it must not change afterwards (<see cref="OrderBookDepth10.From"/> makes a copy).</summary>
    public bool Record(OrderBookDepth10 depth) => _depths.Accept(_depths.TryWrite(depth ?? throw new ArgumentNullException(nameof(depth))));

    /// <summary>
    /// Records one venue update's deltas as given, all or none. After a drop the instrument's book in
    /// the catalog would be wrong, so its deltas are dropped (and counted) until the next snapshot.
    /// </summary>
    public bool Record(OrderBookDeltas update)
    {
        ArgumentNullException.ThrowIfNull(update);
        int count = update.Deltas.Count;
        if (count == 0) return true;
        _deltas.CountReceived(count);
        InstrumentId instrument = update.InstrumentId;
        if (_booksAwaitingSnapshot.Contains(instrument))
        {
            if (!update.IsSnapshot)
            {
                _deltas.CountDropped(count);
                return false;
            }
            _booksAwaitingSnapshot.Remove(instrument);
        }
        if (_deltas.FreeCapacity < count)
        {
            _booksAwaitingSnapshot.Add(instrument);
            _deltas.CountDropped(count);
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            if (!_deltas.TryWrite(update.Deltas[i]))
            {
                _booksAwaitingSnapshot.Add(instrument);
                _deltas.CountDropped(count - i);
                return false;
            }
        }
        return true;
    }

    internal void CountFailedWrite() => Interlocked.Increment(ref _writeErrors);

    private async Task RunAsync()
    {
        while (true)
        {
            bool completed = _quotes.IsCompleted && _trades.IsCompleted && _deltas.IsCompleted && _bars.IsCompleted && _marks.IsCompleted && _funding.IsCompleted
                             && _depths.IsCompleted;
            const int batch = 65_536;
            int moved = _quotes.Drain(batch) + _trades.Drain(batch) + _deltas.Drain(batch) + _bars.Drain(batch) + _marks.Drain(batch) + _funding.Drain(batch)
                        + _depths.Drain(batch);
            if (completed && moved == 0)
            {
                FlushAll(final: true);
                ReportDrops();
                return;
            }
            FlushAll(final: false);
            ReportDrops();
            if (moved == 0)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, _time, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // stopping: loop once more to drain and write everything
                }
            }
        }
    }

    private void FlushAll(bool final)
    {
        _quotes.Flush(final);
        _trades.Flush(final);
        _deltas.Flush(final);
        _bars.Flush(final);
        _marks.Flush(final);
        _funding.Flush(final);
        _depths.Flush(final);
    }

    private void ReportDrops()
    {
        long dropped = Stats.Dropped;
        if (dropped == _droppedReported) return;
        _logger.LogWarning("Recorder dropped {Count} items ({Total} in all): the writer is behind or a write failed", dropped - _droppedReported, dropped);
        _droppedReported = dropped;
    }

    /// <summary>Stops accepting data, writes everything buffered (as whole files) and waits for the writer.</summary>
    public async Task StopAsync()
    {
        _quotes.Complete();
        _trades.Complete();
        _deltas.Complete();
        _bars.Complete();
        _marks.Complete();
        _funding.Complete();
        _depths.Complete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _meter.Dispose();
    }
}
