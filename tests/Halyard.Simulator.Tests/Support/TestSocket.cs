using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Halyard.Simulator.Tests.Support;

/// <summary>A client WebSocket that collects server frames and waits for the ones a test expects.</summary>
internal sealed class TestSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonElement> _frames = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private Task? _reader;

    public WebSocketState State => _socket.State;

    /// <summary>Set when the server closed or dropped the connection.</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestSocket> ConnectAsync(SimulatorHost host)
    {
        var socket = new TestSocket();
        await socket._socket.ConnectAsync(new Uri(host.WebSocketUrl), TestContext.Current.CancellationToken);
        socket._reader = socket.ReadAsync();
        return socket;
    }

    public Task SendAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    /// <summary>Waits for the first not-yet-taken frame on <paramref name="channel"/> matching <paramref name="match"/>; taken frames are skipped next time.</summary>
    public async Task<JsonElement> NextAsync(string channel, Func<JsonElement, bool>? match = null, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            lock (_frames)
            {
                for (int i = 0; i < _frames.Count; i++)
                {
                    var frame = _frames[i];
                    if (frame.TryGetProperty("channel", out var c) && c.GetString() == channel && (match is null || match(frame)))
                    {
                        _frames.RemoveAt(i);
                        return frame;
                    }
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                string seen;
                lock (_frames) seen = string.Join("\n", _frames.Select(f => f.GetRawText()[..Math.Min(200, f.GetRawText().Length)]));
                throw new TimeoutException($"no '{channel}' frame within {timeoutMs} ms; unread frames:\n{seen}");
            }
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>True when no frame on <paramref name="channel"/> arrives within <paramref name="ms"/>.</summary>
    public async Task<bool> QuietAsync(string channel, int ms)
    {
        try
        {
            await NextAsync(channel, timeoutMs: ms);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                int length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var frame = JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
                lock (_frames) _frames.Add(frame);
                _arrived.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        Closed.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Abort();
        if (_reader is not null) await _reader;
        _socket.Dispose();
    }
}
