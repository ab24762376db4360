using Halyard.Simulator.Json;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Halyard.Simulator.Ws;

/// <summary>
/// Serves one WebSocket: reads client frames (subscribe, unsubscribe, ping, post), answers on the connection's
/// outbox, and tolerates anything else with an <c>error</c> frame instead of closing.
/// </summary>
internal sealed class WsSession
{
    private const int MaxFrameBytes = 1 << 20;
    private readonly WsConnection _connection;
    private readonly WebSocket _socket;
    private readonly SimulatorRuntime _runtime;

    public WsSession(WsConnection connection, WebSocket socket, SimulatorRuntime runtime)
    {
        _connection = connection;
        _socket = socket;
        _runtime = runtime;
    }

    public async Task ReceiveLoopAsync()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (!_connection.Closed.IsCancellationRequested)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxFrameBytes) { await _connection.CloseAsync("message too big").ConfigureAwait(false); return; }
                        byte[] bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), _connection.Closed).ConfigureAwait(false);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await _connection.CloseAsync("bye").ConfigureAwait(false);
                    return;
                }
                try
                {
                    await HandleAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
                {
                    Send(WsFrames.Error("Invalid request: " + e.Message));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _connection.Abort();
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> frame)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            Send(WsFrames.Error("Error parsing JSON into valid websocket request: " + Truncate(Encoding.UTF8.GetString(frame.Span))));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            string? method = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString() : null;
            switch (method)
            {
                case "ping":
                    Send(WsFrames.Pong);
                    break;
                case "subscribe":
                    Subscribe(root);
                    break;
                case "unsubscribe":
                    Unsubscribe(root);
                    break;
                case "post":
                    await PostAsync(root).ConfigureAwait(false);
                    break;
                default:
                    Send(WsFrames.Error("Error parsing JSON into valid websocket request: " + Truncate(root.GetRawText())));
                    break;
            }
        }
    }

    private void Subscribe(JsonElement root)
    {
        if (!root.TryGetProperty("subscription", out var element))
        {
            Send(WsFrames.Error("Invalid subscription: missing field subscription"));
            return;
        }
        var subscription = Subscription.Parse(element, _runtime.Exchange.IsCoin);
        if (subscription is null)
        {
            Send(WsFrames.Error("Invalid subscription " + element.GetRawText()));
            return;
        }
        // Under the exchange's lock, so no push can slip in between the ack, the snapshot and the stream.
        lock (_runtime.Exchange.Gate)
        {
            if (LimitError(subscription) is { } limit)
            {
                Send(WsFrames.Error(limit));
                return;
            }
            if (!_runtime.Hub.Subscribe(_connection, subscription))
            {
                Send(WsFrames.Error("Already subscribed: " + subscription.RawJson));
                return;
            }
            Send(WsFrames.SubscriptionResponse("subscribe", subscription.RawJson));
            // Snapshots that clients expect right after the ack (userFills/userFundings flag theirs isSnapshot).
            foreach (byte[] initial in _runtime.Publisher.InitialFrames(subscription)) Send(initial);
        }
    }

    /// <summary>The exchange's per-connection caps: subscriptions, and distinct users followed.</summary>
    private string? LimitError(Subscription subscription)
    {
        var held = _connection.Subscriptions;
        if (held.ContainsKey(subscription.Key)) return null; // answered as a duplicate
        if (held.Count >= _runtime.Options.MaxSubscriptionsPerConnection)
            return $"Cannot subscribe to more than {_runtime.Options.MaxSubscriptionsPerConnection} subscriptions.";
        if (subscription.User is { } user && !held.Values.Any(s => s.User == user)
            && held.Values.Where(s => s.User is not null).Select(s => s.User).Distinct().Count() >= _runtime.Options.MaxUsersPerConnection)
            return $"Cannot track more than {_runtime.Options.MaxUsersPerConnection} total users.";
        return null;
    }

    private void Unsubscribe(JsonElement root)
    {
        if (!root.TryGetProperty("subscription", out var element))
        {
            Send(WsFrames.Error("Invalid subscription: missing field subscription"));
            return;
        }
        var subscription = Subscription.Parse(element, _runtime.Exchange.IsCoin);
        if (subscription is null)
        {
            Send(WsFrames.Error("Invalid subscription " + element.GetRawText()));
            return;
        }
        if (!_runtime.Hub.Unsubscribe(_connection, subscription))
        {
            Send(WsFrames.Error("Already unsubscribed: " + subscription.RawJson));
            return;
        }
        Send(WsFrames.SubscriptionResponse("unsubscribe", subscription.RawJson));
    }

    private async Task PostAsync(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var idElement) || !idElement.IsInt64(out long id))
        {
            Send(WsFrames.Error("Invalid post request: id must be an integer: " + Truncate(root.GetRawText())));
            return;
        }
        _runtime.Metrics.RequestServed();
        if (_runtime.Faults.DelayMs is > 0 and int delay) await Task.Delay(delay).ConfigureAwait(false);
        if (_runtime.Faults.TakeFailure() is not 0 and int status)
        {
            Send(PostFrames.Error(id, FaultInjectorText(status)));
            return;
        }
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
            || !request.TryGetProperty("type", out var type) || !request.TryGetProperty("payload", out var payload))
        {
            Send(PostFrames.Error(id, $"Invalid post request: request must be {{\"type\":\"info\"|\"action\",\"payload\":{{…}}}} id={id}"));
            return;
        }
        switch (type.ValueKind == JsonValueKind.String ? type.GetString() : null)
        {
            case "info":
                Send(PostFrames.Info(id, payload, _runtime.Info));
                break;
            case "action":
                Send(PostFrames.Action(id, payload, _runtime.Actions));
                break;
            default:
                Send(PostFrames.Error(id, $"Invalid post request: request.type must be \"info\" or \"action\" id={id}"));
                break;
        }
    }

    private static string FaultInjectorText(int status) => Http.FaultInjector.StatusText(status);

    private void Send(byte[] frame) => _connection.Enqueue(frame);

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
