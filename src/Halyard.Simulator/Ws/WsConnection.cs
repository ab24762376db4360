using System.Net.WebSockets;
using System.Threading.Channels;

namespace Halyard.Simulator.Ws;

/// <summary>
/// One client WebSocket: an outbox drained by a single sender (WebSocket sends must not overlap), the time of the
/// last frame sent (for the idle close), and its subscriptions. Frames are pre-serialised UTF-8 JSON shared
/// between subscribers.
/// </summary>
internal sealed class WsConnection
{
    private const int OutboxCapacity = 50_000;
    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private long _lastSentTimestamp;

    public WsConnection(long id, WebSocket socket, TimeProvider time)
    {
        Id = id;
        _socket = socket;
        _time = time;
        _lastSentTimestamp = time.GetTimestamp();
    }

    public long Id { get; }

    /// <summary>This connection's subscriptions by key; guarded by the hub's lock.</summary>
    public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public CancellationToken Closed => _closed.Token;

    /// <summary>Time since the server last sent a frame here.</summary>
    public TimeSpan IdleFor => _time.GetElapsedTime(Interlocked.Read(ref _lastSentTimestamp));

    /// <summary>Queues a frame; a client too slow to keep up with 50,000 queued frames is disconnected.</summary>
    public bool Enqueue(byte[] frame)
    {
        if (_outbox.Writer.TryWrite(frame)) return true;
        Abort();
        return false;
    }

    /// <summary>Drains the outbox to the socket until the connection closes.</summary>
    public async Task SendLoopAsync(Action<int> onSent)
    {
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(_closed.Token).ConfigureAwait(false))
            {
                while (_outbox.Reader.TryRead(out var frame))
                {
                    await _socket.SendAsync(frame, WebSocketMessageType.Text, true, _closed.Token).ConfigureAwait(false);
                    Interlocked.Exchange(ref _lastSentTimestamp, _time.GetTimestamp());
                    onSent(1);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is gone; the receive loop notices too.
        }
        finally
        {
            Abort();
        }
    }

    /// <summary>Closes politely (close frame with a reason), then stops both loops.</summary>
    public async Task CloseAsync(string reason)
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        Abort();
    }

    /// <summary>Drops the connection at once, without a close handshake (fault injection, slow clients).</summary>
    public void Abort()
    {
        if (_closed.IsCancellationRequested) return;
        try { _closed.Cancel(); } catch (ObjectDisposedException) { }
        _outbox.Writer.TryComplete();
        _socket.Abort();
    }
}
