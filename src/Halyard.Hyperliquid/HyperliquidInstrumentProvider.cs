using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Hyperliquid;

/// <summary>
/// Loads Hyperliquid perpetuals (and spot pairs) into instruments and maps coin ↔ <see cref="InstrumentId"/> ↔
/// asset id. The venue lists new coins and delists old ones at any time, so it can refresh on a schedule;
/// each refresh swaps the whole table at once.
/// </summary>
public sealed class HyperliquidInstrumentProvider : IAsyncDisposable
{
    /// <summary>Fetches the raw JSON of one info request (<c>metaAndAssetCtxs</c> or <c>spotMeta</c>).</summary>
    public delegate ValueTask<ReadOnlyMemory<byte>> InfoFetcher(string requestType, CancellationToken ct);

    private readonly InfoFetcher _fetch;
    private readonly HyperliquidInstrumentConfig _config;
    private readonly Func<long> _nowNs;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private volatile MarketTable _table = MarketTable.Empty;
    private CancellationTokenSource? _refreshCts;
    private Task? _refreshLoop;

    public HyperliquidInstrumentProvider(InfoFetcher fetch, HyperliquidInstrumentConfig? config = null, Func<long>? nowNs = null,
        TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _config = config ?? new HyperliquidInstrumentConfig();
        _config.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _nowNs = nowNs ?? (() => (_timeProvider.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Raised after every successful load with the new table (on the refreshing thread).</summary>
    public event Action<MarketTable>? Updated;

    /// <summary>The current table; never null, empty before the first load.</summary>
    public MarketTable Table => _table;

    public IReadOnlyList<HyperliquidMarket> Markets => _table.Markets;

    public IEnumerable<Instrument> Instruments => _table.Markets.Select(m => m.Instrument);

    /// <summary>Loads (or reloads) every market now.</summary>
    public async ValueTask<MarketTable> LoadAsync(CancellationToken ct)
    {
        long now = _nowNs();
        ReadOnlyMemory<byte> perps = await _fetch("metaAndAssetCtxs", ct).ConfigureAwait(false);
        List<HyperliquidMarket> markets = MetaParser.ParsePerps(perps.Span, _config.Fees, now);
        if (_config.LoadSpot)
        {
            ReadOnlyMemory<byte> spot = await _fetch("spotMeta", ct).ConfigureAwait(false);
            markets.AddRange(MetaParser.ParseSpot(spot.Span, _config.Fees, now));
        }
        var table = new MarketTable(markets);
        _table = table;
        Updated?.Invoke(table);
        return table;
    }

    /// <summary>Loads from JSON already at hand (tests, replays, a cached response).</summary>
    public MarketTable Load(ReadOnlySpan<byte> metaJson, ReadOnlySpan<byte> spotMetaJson = default)
    {
        long now = _nowNs();
        List<HyperliquidMarket> markets = MetaParser.ParsePerps(metaJson, _config.Fees, now);
        if (!spotMetaJson.IsEmpty) markets.AddRange(MetaParser.ParseSpot(spotMetaJson, _config.Fees, now));
        var table = new MarketTable(markets);
        _table = table;
        Updated?.Invoke(table);
        return table;
    }

    /// <summary>Starts reloading every <see cref="HyperliquidInstrumentConfig.RefreshInterval"/>; failures are logged and retried next time.</summary>
    public void StartRefreshing()
    {
        if (_refreshLoop is not null || _config.RefreshInterval <= TimeSpan.Zero) return;
        _refreshCts = new CancellationTokenSource();
        _refreshLoop = RefreshLoopAsync(_refreshCts.Token);
    }

    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_config.RefreshInterval, _timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try { await LoadAsync(ct).ConfigureAwait(false); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Instrument refresh failed; keeping the {Count} instruments loaded before", _table.Markets.Count);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    public InstrumentId InstrumentIdOf(string coin) =>
        _table.TryGetByCoin(coin, out HyperliquidMarket m) ? m.InstrumentId : throw new KeyNotFoundException($"unknown coin '{coin}'");

    public HyperliquidMarket Market(InstrumentId id) =>
        _table.TryGetByInstrument(id, out HyperliquidMarket m) ? m : throw new KeyNotFoundException($"unknown instrument {id}");

    /// <summary>Stops the scheduled reload (a later <see cref="StartRefreshing"/> starts it again).</summary>
    public async ValueTask StopRefreshingAsync()
    {
        if (_refreshCts is null) return;
        await _refreshCts.CancelAsync().ConfigureAwait(false);
        if (_refreshLoop is not null) await _refreshLoop.ConfigureAwait(false);
        _refreshCts.Dispose();
        _refreshCts = null;
        _refreshLoop = null;
    }

    public ValueTask DisposeAsync() => StopRefreshingAsync();
}
