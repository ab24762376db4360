using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Hyperliquid.Tests.LocalServers;

/// <summary>
/// A scriptable venue WebSocket on a real Kestrel server: each accepted connection is a <see cref="Session"/> whose
/// incoming frames are recorded and passed to the test's script, which may answer, stay silent, or drop the socket.
/// </summary>
internal sealed class FakeVenueSocket : IAsyncDisposable
{
    private readonly LocalServer _server;
    private readonly ConcurrentQueue<Session> _sessions = new();

    private FakeVenueSocket(LocalServer server) => _server = server;

    public Uri Url => _server.WebSocketUrl;
    public Uri BaseUrl => _server.BaseUrl;
    public IReadOnlyList<Session> Sessions => _sessions.ToList();

    /// <param name="onConnect">Runs once per connection before frames are read (e.g. send a greeting).</param>
    /// <param name="onFrame">Runs for each text frame the client sends.</param>
    public static async Task<FakeVenueSocket> StartAsync(Func<Session, string, Task> onFrame, Func<Session, Task>? onConnect = null)
    {
        FakeVenueSocket? venue = null;
        var server = await LocalServer.StartAsync(app => app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var session = new Session(socket, venue!._sessions.Count);
            venue._sessions.Enqueue(session);
            if (onConnect is not null) await onConnect(session);
            var buffer = new byte[64 * 1024];
            try
            {
                while (socket.State == WebSocketState.Open && !session.Dropped)
                {
                    var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    string text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    session.Received.Enqueue(text);
                    await onFrame(session, text);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException) { }
        }));
        venue = new FakeVenueSocket(server);
        return venue;
    }

    /// <summary>The default venue behaviour: ack subscriptions (echo), answer pings.</summary>
    public static async Task<bool> AnswerLikeTheVenue(Session session, string frame)
    {
        using var doc = JsonDocument.Parse(frame);
        string method = doc.RootElement.GetProperty("method").GetString()!;
        switch (method)
        {
            case "ping":
                await session.SendAsync("""{"channel":"pong"}""");
                return true;
            case "subscribe" or "unsubscribe":
                string sub = doc.RootElement.GetProperty("subscription").GetRawText();
                await session.SendAsync("{\"channel\":\"subscriptionResponse\",\"data\":{\"method\":\"" + method + "\",\"subscription\":" + sub + "}}");
                return true;
            default:
                return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions) session.Drop();
        await _server.DisposeAsync();
    }

    internal sealed class Session(WebSocket socket, int index)
    {
        private readonly SemaphoreSlim _send = new(1, 1);
        public int Index { get; } = index;
        public ConcurrentQueue<string> Received { get; } = new();
        public bool Dropped { get; private set; }

        public IEnumerable<string> ReceivedWithMethod(string method) => Received.Where(f => f.Contains($"\"method\":\"{method}\"", StringComparison.Ordinal));

        public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

        public async Task SendAsync(byte[] bytes, WebSocketMessageType type)
        {
            await _send.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open) await socket.SendAsync(bytes, type, true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException) { }
            finally { _send.Release(); }
        }

        /// <summary>Kills the TCP connection without a close handshake, as a venue restart would.</summary>
        public void Drop()
        {
            Dropped = true;
            socket.Abort();
        }
    }
}
