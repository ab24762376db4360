using System.Buffers;
using System.Net.WebSockets;
using Halyard.Hyperliquid.Parsing;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Ws;

public sealed partial class HyperliquidWebSocket
{
    private static readonly byte[] PingFrame = """{"method":"ping"}"""u8.ToArray();

    private async Task RunAsync(CancellationToken stop)
    {
        int failedAttempts = 0;
        DateTimeOffset? lostAt = null;
        string lostReason = "";
        while (!stop.IsCancellationRequested)
        {
            Volatile.Write(ref _state, (int)WsConnectionState.Connecting);
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero; // application-level pings instead (the venue wants them)
            try
            {
                using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                connectTimeout.CancelAfter(_options.ConnectTimeout);
                await socket.ConnectAsync(_options.Url, connectTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                socket.Dispose();
                failedAttempts++;
                _logger.LogWarning("WS connect to {Url} failed (attempt {Attempt}): {Error}", _options.Url, failedAttempts, ex.Message);
                if (!await BackoffAsync(failedAttempts, stop).ConfigureAwait(false)) break;
                continue;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                break;
            }

            _socket = socket;
            Volatile.Write(ref _lastReceived, _time.GetTimestamp());
            Volatile.Write(ref _unansweredPings, 0);
            Volatile.Write(ref _state, (int)WsConnectionState.Connected);
            int resubscribed = 0;
            foreach (var subscription in _subscriptions.Keys)
                if (await SendAsync(socket, SubscriptionFrame("subscribe", subscription), stop).ConfigureAwait(false)) resubscribed++;
            if (lostAt is { } since)
            {
                Interlocked.Increment(ref _reconnects);
                var gap = new WsReconnected(since, _time.GetUtcNow(), failedAttempts + 1, resubscribed, lostReason);
                _logger.LogInformation("WS reconnected after {Gap} ({Reason}); resubscribed {Count}", gap.Gap, lostReason, resubscribed);
                Raise(Reconnected, gap, nameof(Reconnected));
            }
            failedAttempts = 0;
            _firstConnect.TrySetResult();

            using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
            Task heartbeat = HeartbeatAsync(socket, connection.Token);
            lostReason = await ReceiveAsync(socket, connection.Token).ConfigureAwait(false);
            await connection.CancelAsync().ConfigureAwait(false);
            try { await heartbeat.ConfigureAwait(false); }
            catch (OperationCanceledException) { }

            _socket = null;
            socket.Abort();
            socket.Dispose();
            if (stop.IsCancellationRequested) break;
            lostAt = _time.GetUtcNow();
            Volatile.Write(ref _state, (int)WsConnectionState.Reconnecting);
            _logger.LogWarning("WS connection lost: {Reason}", lostReason);
            FailPendingPosts(new ApiError(ApiErrorKind.Transport, $"connection lost before the answer: {lostReason}"));
            Raise(Disconnected, lostReason, nameof(Disconnected));
            if (!await BackoffAsync(1, stop).ConfigureAwait(false)) break;
        }
    }

    /// <summary>Waits initial·2^(attempt−1), capped, times a jitter in [0.5, 1]; false when stopping.</summary>
    private async Task<bool> BackoffAsync(int attempt, CancellationToken stop)
    {
        double capped = Math.Min(_options.ReconnectMaxDelay.TotalMilliseconds,
            _options.ReconnectInitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        var delay = TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
        try
        {
            await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Pings every interval; aborts the socket when pongs stop or nothing arrives for too long.</summary>
    private async Task HeartbeatAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.PingInterval, _time);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
        {
            TimeSpan silent = _time.GetElapsedTime(Volatile.Read(ref _lastReceived));
            int unanswered = Volatile.Read(ref _unansweredPings);
            if (silent >= _options.StaleAfter || unanswered >= _options.MaxMissedPongs)
            {
                _logger.LogWarning("WS dead: silent for {Silent}, {Unanswered} pings unanswered", silent, unanswered);
                Volatile.Write(ref _deadReason, $"dead connection: silent for {silent.TotalSeconds:0.#} s, {unanswered} pings unanswered");
                socket.Abort(); // wakes the receive loop, which reconnects
                return;
            }
            Interlocked.Increment(ref _unansweredPings);
            await SendAsync(socket, PingFrame, ct).ConfigureAwait(false);
        }
    }

    private string? _deadReason;

    /// <summary>Reads frames until the connection ends; returns why it ended.</summary>
    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        Volatile.Write(ref _deadReason, null);
        try
        {
            while (true)
            {
                int count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        if (buffer.Length >= _options.MaxMessageBytes) return $"a frame exceeded {_options.MaxMessageBytes} bytes";
                        byte[] bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageBytes));
                        buffer.AsSpan(0, count).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), ct).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                        return $"server closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})";
                    count += result.Count;
                } while (!result.EndOfMessage);

                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (result.MessageType == WebSocketMessageType.Text) Dispatch(buffer.AsSpan(0, count));
                else Interlocked.Increment(ref _nonJsonFrames);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Volatile.Read(ref _deadReason) ?? "stopped";
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return Volatile.Read(ref _deadReason) ?? $"receive failed: {ex.Message}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        if (!WsFrame.TryRead(frame, out var channel, out int dataStart))
        {
            Interlocked.Increment(ref _nonJsonFrames); // e.g. "Websocket connection established."
            return;
        }
        switch (channel)
        {
            case WsChannel.Pong:
                Volatile.Write(ref _unansweredPings, 0);
                return;
            case WsChannel.Post:
                CompletePost(frame);
                return;
            case WsChannel.Error:
                OnServerError(frame, dataStart);
                return;
        }
        try
        {
            _onMessage(channel, frame);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _handlerFailures);
            _logger.LogError(ex, "WS message handler threw on a {Channel} frame; frame skipped", channel);
        }
    }

    private void OnServerError(ReadOnlySpan<byte> frame, int dataStart)
    {
        string text = dataStart >= 0 ? ReadString(frame[dataStart..]) : "";
        _logger.LogWarning("WS error frame: {Text}", text);
        Raise(ServerError, text, nameof(ServerError));
        // A post that the venue refused is reported on the error channel with the id at the end ("… id=<n>").
        int idAt = text.LastIndexOf("id=", StringComparison.Ordinal);
        if (idAt >= 0 && long.TryParse(text.AsSpan(idAt + 3).TrimEnd(), out long id))
            CompletePostWith(id, new ApiError(ApiErrorKind.Rejected, text));
    }

    private static string ReadString(ReadOnlySpan<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        try
        {
            return reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.String
                ? reader.GetString() ?? ""
                : System.Text.Encoding.UTF8.GetString(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(json);
        }
    }
}
