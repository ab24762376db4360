using System.Text.Json;
using Halyard.Core.Model;
using Halyard.Persistence.Redis.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Halyard.Persistence.Redis;

public sealed partial class RedisExecutionStore
{
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private bool _initialized;
    private long _lastSeq;
    private long? _lastFillTs;
    private List<TradeId> _lastFillTradeIds = [];

    /// <summary>Takes batches off the queue and writes each until it succeeds; a failure is counted, logged and retried after a growing pause.</summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(_options.BatchSize);
        CancellationToken stop = _stop.Token;
        while (await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
        {
            while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out PendingWrite? write)) batch.Add(write);
            TimeSpan delay = _options.RetryDelay;
            while (true)
            {
                try
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                    Interlocked.Add(ref _written, batch.Count);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    long failures = Interlocked.Increment(ref _writeFailures);
                    _log.LogWarning("Redis write of {Count} records failed ({Failures} failures so far), retrying in {Delay}: {Error}",
                        batch.Count, failures, delay, ex.Message);
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                }
            }
            batch.Clear();
        }
    }

    /// <summary>Reads the last sequence number and the newest fill once, so numbering and fill tracking continue where the previous run stopped.</summary>
    private async Task EnsureInitializedAsync()
    {
        if (_initialized) return;
        await _initGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_initialized) return;
            IDatabase db = _redis.GetDatabase();
            RedisValue seq = await db.StringGetAsync(_keys.Sequence).ConfigureAwait(false);
            HashEntry[] lastFill = await db.HashGetAllAsync(_keys.LastFill).ConfigureAwait(false);
            _lastSeq = seq.IsNull ? 0 : ParseLong(seq, _keys.Sequence.ToString());
            (_lastFillTs, _lastFillTradeIds) = ParseLastFill(lastFill);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        await EnsureInitializedAsync().ConfigureAwait(false);
        IDatabase db = _redis.GetDatabase();
        IBatch pipe = db.CreateBatch();
        var tasks = new List<Task>(batch.Count * 3 + 2);
                foreach (PendingWrite write in batch)
        {
            switch (write.Payload)
            {
                case IOrderEvent e:
                    if (write.Seq == 0) write.Seq = ++_lastSeq;
                    string id = e.ClientOrderId.Value;
                    tasks.Add(pipe.ListRightPushAsync(_keys.Order(id), OrderEventCodec.Encode(e, write.Seq)));
                    tasks.Add(pipe.SortedSetAddAsync(_keys.Orders, id, write.Seq, SortedSetWhen.NotExists));
                    tasks.Add(write.IsWorking ? pipe.SetAddAsync(_keys.OpenOrders, id) : pipe.SetRemoveAsync(_keys.OpenOrders, id));
                    if (e is OrderFilled fill) TrackFill(fill);
                    break;
                case PositionSnapshot p:
                    tasks.Add(pipe.HashSetAsync(_keys.Positions, p.PositionId.Value, JsonSerializer.Serialize(p, StateJson.Options)));
                    break;
                case AccountState a:
                    tasks.Add(pipe.HashSetAsync(_keys.Accounts, a.AccountId.Value, JsonSerializer.Serialize(a, StateJson.Options)));
                    break;
                case StrategyId s:
                    tasks.Add(pipe.HashSetAsync(_keys.Counters, s.Value, write.Count));
                    break;
            }
        }
        tasks.Add(pipe.StringSetAsync(_keys.Sequence, _lastSeq));
        if (_lastFillTs is not null) // always: a retried batch must still write it
            tasks.Add(pipe.HashSetAsync(_keys.LastFill, [
                new HashEntry("last_ts", _lastFillTs ?? 0),
                new HashEntry("last_trade_ids", JsonSerializer.Serialize(_lastFillTradeIds.Select(t => t.Value))),
            ]));
        pipe.Execute();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    /// <summary>Keeps the newest fill's venue time and the trade ids at that time; true when it changed.</summary>
    private bool TrackFill(OrderFilled fill)
    {
        if (_lastFillTs is long last && fill.TsEvent < last) return false;
        if (_lastFillTs == fill.TsEvent)
        {
            if (_lastFillTradeIds.Contains(fill.TradeId)) return false;
            _lastFillTradeIds.Add(fill.TradeId);
            return true;
        }
        _lastFillTs = fill.TsEvent;
        _lastFillTradeIds = [fill.TradeId];
        return true;
    }

    private (long? Ts, List<TradeId> TradeIds) ParseLastFill(HashEntry[] entries)
    {
        string key = _keys.LastFill.ToString();
        long? ts = null;
        List<TradeId> ids = [];
        foreach (HashEntry entry in entries)
        {
            if (entry.Name == "last_ts") ts = ParseLong(entry.Value, key + "#last_ts");
            else if (entry.Name == "last_trade_ids")
            {
                try
                {
                    ids = [.. (JsonSerializer.Deserialize<string[]>(entry.Value.ToString()) ?? []).Select(t => new TradeId(t))];
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException)
                {
                    throw new StoredStateException(key + "#last_trade_ids", ex.Message, ex);
                }
            }
        }
        return (ts, ids);
    }

    private static long ParseLong(RedisValue value, string key) =>
        value.TryParse(out long parsed) ? parsed : throw new StoredStateException(key, $"'{value}' is not an integer");
}
