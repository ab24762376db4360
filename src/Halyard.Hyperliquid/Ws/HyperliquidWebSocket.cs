using System.Collections.Concurrent;
using System.Net.WebSockets;
using Halyard.Hyperliquid.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Hyperliquid.Ws;

/// <summary>
/// One WebSocket connection to the venue that stays up: it tracks subscriptions and re-sends all of them after
/// every reconnect (exponential backoff with jitter), pings on a timer and declares the connection dead after
/// missed pongs or a silence, tolerates non-JSON and garbage frames, and correlates <c>post</c> requests by id with
/// timeouts. Frames are handed to the <see cref="WsMessageHandler"/> from a pooled buffer (no per-message copy).
/// Failures are events and results, never exceptions out of the receive loop.
/// </summary>
public sealed partial class HyperliquidWebSocket : IAsyncDisposable
{
    private readonly HyperliquidWebSocketOptions _options;
    private readonly WsMessageHandler _onMessage;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<WsSubscription, byte> _subscriptions = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _postSlots;
    private readonly Rest.RestWeightLimiter _sendBudget;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstConnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;
    private Task? _loop;
    private int _state = (int)WsConnectionState.NotStarted;
    private long _lastReceived;
    private int _unansweredPings;
    private long _nonJsonFrames;
    private long _handlerFailures;
    private long _reconnects;

    public HyperliquidWebSocket(HyperliquidWebSocketOptions options, WsMessageHandler onMessage, ILogger? logger = null)
    {
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _onMessage = onMessage ?? throw new ArgumentNullException(nameof(onMessage));
        _logger = logger ?? NullLogger.Instance;
        _time = options.TimeProvider;
        _postSlots = new SemaphoreSlim(options.MaxInFlightPosts, options.MaxInFlightPosts);
        _sendBudget = options.SendBudget ?? new Rest.RestWeightLimiter(_time, weightPerMinute: 2000, cancelReserve: 0);
    }

    public WsConnectionState State => (WsConnectionState)Volatile.Read(ref _state);

    /// <summary>Every subscription currently wanted (re-sent after each reconnect).</summary>
    public IReadOnlyCollection<WsSubscription> Subscriptions => _subscriptions.Keys.ToList();

    /// <summary>Frames that were not a JSON object with a channel (greeting text, garbage).</summary>
    public long NonJsonFrames => Interlocked.Read(ref _nonJsonFrames);

    /// <summary>Times the message handler threw (the frame was skipped, the connection kept).</summary>
    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>A connection was re-established after a loss; reconcile what may have been missed.</summary>
    public event Action<WsReconnected>? Reconnected;

    /// <summary>The connection was lost (the reason text); reconnecting follows automatically.</summary>
    public event Action<string>? Disconnected;

    /// <summary>An <c>error</c> channel frame (e.g. "Already subscribed: …").</summary>
    public event Action<string>? ServerError;

    /// <summary>Starts the connection loop and waits for the first connection (or <paramref name="ct"/>).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _state, (int)WsConnectionState.Connecting, (int)WsConnectionState.NotStarted) != (int)WsConnectionState.NotStarted)
            throw new InvalidOperationException("the connection was already started");
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        await _firstConnect.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Adds a subscription and sends it now if connected (otherwise on connect).</summary>
    public async ValueTask SubscribeAsync(WsSubscription subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        // userEvents and orderUpdates frames do not name the user: two of a kind on one connection cannot be told apart.
        if (subscription.Type is "userEvents" or "orderUpdates"
            && _subscriptions.Keys.FirstOrDefault(s => s.Type == subscription.Type && !s.Equals(subscription)) is { } other)
            throw new ArgumentException(
                $"this connection already has {other}; frames of {subscription.Type} do not carry the user, so use one connection per account",
                nameof(subscription));
        if (_subscriptions.TryAdd(subscription, 0)) await SendSubscriptionAsync("subscribe", subscription, ct).ConfigureAwait(false);
    }

    /// <summary>Removes a subscription and tells the venue if connected.</summary>
    public async ValueTask UnsubscribeAsync(WsSubscription subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (_subscriptions.TryRemove(subscription, out _)) await SendSubscriptionAsync("unsubscribe", subscription, ct).ConfigureAwait(false);
    }

    private async ValueTask SendSubscriptionAsync(string method, WsSubscription subscription, CancellationToken ct)
    {
        if (_socket is not { } socket || State != WsConnectionState.Connected) return;
        await SendAsync(socket, SubscriptionFrame(method, subscription), ct).ConfigureAwait(false);
    }

    private static byte[] SubscriptionFrame(string method, WsSubscription subscription)
    {
        byte[] head = System.Text.Encoding.UTF8.GetBytes($"{{\"method\":\"{method}\",\"subscription\":");
        byte[] frame = new byte[head.Length + subscription.Utf8.Length + 1];
        head.CopyTo(frame, 0);
        subscription.Utf8.CopyTo(frame, head.Length);
        frame[^1] = (byte)'}';
        return frame;
    }

    /// <summary>Sends one text frame; false when not connected or the send failed (the receive loop will reconnect).</summary>
    private async ValueTask<bool> SendAsync(ClientWebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        try
        {
            await _sendBudget.AcquireAsync(1, Rest.RequestPriority.Normal, ct).ConfigureAwait(false); // 2000 frames/min per IP
            await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        try
        {
            if (socket.State != WebSocketState.Open) return false;
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            _logger.LogDebug(ex, "WS send failed");
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Raise<T>(Action<T>? handlers, T value, string name)
    {
        if (handlers is null) return;
        try
        {
            handlers(value);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "WS {Event} handler threw; ignored", name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (State == WsConnectionState.Stopped) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket?.Abort();
        if (_loop is not null)
        {
            try { await _loop.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        Volatile.Write(ref _state, (int)WsConnectionState.Stopped);
        FailPendingPosts(new ApiError(ApiErrorKind.NotConnected, "the connection was disposed"));
        _firstConnect.TrySetCanceled();
        _stop.Dispose();
    }
}
