using System.Collections.Concurrent;
using System.Threading.Channels;
using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Ws;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Hyperliquid.Data;

/// <summary>
/// Hyperliquid's market data feed for the kernel: loads the instruments (and refreshes them on a schedule), keeps
/// one WebSocket connection with the subscriptions the strategies asked for, and posts quotes (<c>bbo</c>), trades,
/// book deltas (<c>l2Book</c>, diffed against the previous book; a snapshot first and after every reconnect), bars
/// (<c>candle</c>), mark prices and funding rates (<c>activeAssetCtx</c>) into the kernel inbox.
/// Subscribe calls return at once: the flags that let frames through change immediately, and the socket work is
/// queued to a background loop.
/// </summary>
public sealed partial class HyperliquidDataClient : IDataClient, IAsyncDisposable
{
    private readonly HyperliquidDataClientConfig _config;
    private readonly KernelInbox _inbox;
    private readonly IClock _clock;
    private readonly HyperliquidMetrics? _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly HyperliquidInfoClient _info;
    private readonly HyperliquidInstrumentProvider _instruments;
    private readonly ConcurrentDictionary<string, CoinFeed> _feeds = new(StringComparer.Ordinal);
    private readonly MarketDataMapper _mapper;
    private readonly Channel<(bool Subscribe, WsSubscription Subscription)> _commands =
        Channel.CreateUnbounded<(bool, WsSubscription)>(new UnboundedChannelOptions { SingleReader = true });
    private HyperliquidWebSocket? _socket;
    private Task? _commandLoop;
    private CancellationTokenSource? _stop;
    private volatile bool _connected;

    public HyperliquidDataClient(HyperliquidDataClientConfig config, KernelInbox inbox, IClock clock, HyperliquidMetrics? metrics = null,
        ILoggerFactory? loggerFactory = null, HttpClient? httpClient = null)
    {
        _config = (config ?? throw new ArgumentNullException(nameof(config))).Validate();
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _metrics = metrics;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<HyperliquidDataClient>();
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient();
        _info = new HyperliquidInfoClient(_http, new HyperliquidRestOptions { BaseUrl = config.ResolvedEndpoints.RestUrl });
        _instruments = new HyperliquidInstrumentProvider(FetchInfoAsync, config.InstrumentLoading, () => clock.UtcNowNs,
            logger: _loggerFactory.CreateLogger<HyperliquidInstrumentProvider>());
        _instruments.Updated += PostInstruments;
        _mapper = new MarketDataMapper(inbox, clock, () => _instruments.Table, _feeds, metrics, _logger);
    }

    public string ClientId => "HYPERLIQUID-DATA";
    public Venue Venue { get; } = new(InstrumentId.DefaultVenueName);
    public bool IsConnected => _connected;

    /// <summary>The coins, instruments and asset ids loaded (empty before <see cref="ConnectAsync"/>).</summary>
    public HyperliquidInstrumentProvider Instruments => _instruments;

    /// <summary>Frames that could not be read; each was logged and nothing was posted for it.</summary>
    public long MalformedFrames => _mapper.MalformedFrames;

    /// <summary>Well-formed frames not mapped (unknown coin, feed unsubscribed, one-sided bbo).</summary>
    public long SkippedFrames => _mapper.SkippedFrames;

    /// <summary>WebSocket reconnections since connect.</summary>
    public long Reconnects => _socket?.Reconnects ?? 0;

    /// <summary>The WebSocket subscriptions currently held (re-sent after every reconnect).</summary>
    public IReadOnlyCollection<WsSubscription> Subscriptions => _socket?.Subscriptions ?? [];

    /// <summary>Loads and posts the instruments, subscribes the configured ones, connects the WebSocket.</summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        if (_socket is not null) throw new InvalidOperationException($"{ClientId} is already connected");
        await _instruments.LoadAsync(ct).ConfigureAwait(false);
        _stop = new CancellationTokenSource();
        var socket = new HyperliquidWebSocket(
            new HyperliquidWebSocketOptions { Url = _config.ResolvedEndpoints.WsUrl, PingInterval = _config.PingInterval },
            _mapper.Handle, _loggerFactory.CreateLogger<HyperliquidWebSocket>());
        // Both run on the receive loop, between frames: the next l2Book after a gap must be a snapshot.
        socket.Disconnected += _ => _mapper.ResetBooks();
        socket.Reconnected += OnReconnected;
        _socket = socket;
        WsSubscription[] held;
        lock (_gate) held = [.. _wanted.Keys];
        foreach (WsSubscription subscription in held) await socket.SubscribeAsync(subscription, ct).ConfigureAwait(false); // after a disconnect: what is still wanted
        foreach (InstrumentId id in _config.Instruments)
        {
            if (!_instruments.Table.TryGetByInstrument(id, out _))
                throw new InvalidOperationException($"{ClientId}: configured instrument {id} is not listed by the venue");
            if (_config.SubscribeQuotes) SubscribeQuotes(id);
            if (_config.SubscribeTrades) SubscribeTrades(id);
            if (_config.SubscribeBook) SubscribeBookDeltas(id);
            if (_config.SubscribeMarkPrices)
            {
                SubscribeMarkPrices(id);
                SubscribeFundingRates(id);
            }
        }
        _mapper.ResetBooks(); // no receive loop runs yet; books kept from an earlier connection are stale
        _commandLoop = Task.Run(() => RunCommandsAsync(socket, _stop.Token), CancellationToken.None);
        await socket.StartAsync(ct).ConfigureAwait(false);
        _instruments.StartRefreshing();
        _connected = true;
        _logger.LogInformation("{ClientId} connected to {Url}: {Count} instruments, {Subscriptions} subscriptions",
            ClientId, _config.ResolvedEndpoints.WsUrl, _instruments.Markets.Count, socket.Subscriptions.Count);
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        _connected = false;
        await _instruments.StopRefreshingAsync().ConfigureAwait(false);
        if (_socket is not { } socket) return;
        _socket = null;
        if (_stop is not null) await _stop.CancelAsync().ConfigureAwait(false);
        if (_commandLoop is not null) await _commandLoop.WaitAsync(ct).ConfigureAwait(false);
        await socket.DisposeAsync().ConfigureAwait(false);
        _stop?.Dispose();
        _stop = null;
        _logger.LogInformation("{ClientId} disconnected", ClientId);
    }

    private void OnReconnected(WsReconnected gap)
    {
        _metrics?.Reconnects.Add(1);
        _mapper.ResetBooks();
        _logger.LogInformation("{ClientId} reconnected after {Gap}; {Count} subscriptions re-sent, books restart from a snapshot",
            ClientId, gap.Gap, gap.Resubscribed);
    }

    private async ValueTask<ReadOnlyMemory<byte>> FetchInfoAsync(string requestType, CancellationToken ct)
    {
        byte[] body = requestType switch
        {
            "metaAndAssetCtxs" => InfoRequestBody.MetaAndAssetContexts(),
            "meta" => InfoRequestBody.Meta(),
            _ => System.Text.Encoding.UTF8.GetBytes($$"""{"type":"{{requestType}}"}"""),
        };
        ApiResult<byte[]> answer = await _info.PostRawAsync(requestType, body, ct).ConfigureAwait(false);
        return answer.IsSuccess ? answer.Value : throw new HttpRequestException($"{ClientId}: {requestType} failed: {answer.Error.Message}");
    }

    /// <summary>Every (re)load: the instruments go to the kernel before any data of theirs.</summary>
    private void PostInstruments(MarketTable table)
    {
        foreach (HyperliquidMarket market in table.Markets) _inbox.Post(market.Instrument);
    }

    /// <summary>Sends subscribe/unsubscribe frames in the order they were asked for, off the caller's thread.</summary>
    private async Task RunCommandsAsync(HyperliquidWebSocket socket, CancellationToken stop)
    {
        try
        {
            await foreach (var (subscribe, subscription) in _commands.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    if (subscribe) await socket.SubscribeAsync(subscription, stop).ConfigureAwait(false);
                    else await socket.UnsubscribeAsync(subscription, stop).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "{ClientId}: {Action} {Subscription} failed", ClientId, subscribe ? "subscribe" : "unsubscribe", subscription);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // disconnecting
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        _instruments.Updated -= PostInstruments;
        await _instruments.DisposeAsync().ConfigureAwait(false);
        if (_ownsHttp) _http.Dispose();
    }
}
