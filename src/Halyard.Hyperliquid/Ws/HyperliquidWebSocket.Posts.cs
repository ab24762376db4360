using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Ws;

public sealed partial class HyperliquidWebSocket
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<ApiResult<WsPostAnswer>>> _pendingPosts = new();
    private long _nextPostId;

    /// <summary>Posts an info request body (as for POST /info); the answer's payload is <c>{"type","data"}</c>.</summary>
    /// <summary>Post requests sent so far (info and actions).</summary>
    public long PostsSent => Interlocked.Read(ref _nextPostId);

    public Task<ApiResult<WsPostAnswer>> PostInfoAsync(byte[] infoRequest, TimeSpan? timeout = null, CancellationToken ct = default) =>
        PostAsync("info", infoRequest, timeout, ct);

    /// <summary>Posts a signed /exchange body; the answer's payload is the exact /exchange response.</summary>
    public Task<ApiResult<WsPostAnswer>> PostActionAsync(byte[] signedExchangeRequest, TimeSpan? timeout = null, CancellationToken ct = default) =>
        PostAsync("action", signedExchangeRequest, timeout, ct);

    /// <summary>Posts an info request and parses <c>payload.data</c>.</summary>
    public async Task<ApiResult<T>> PostInfoAsync<T>(byte[] infoRequest, JsonTypeInfo<T> typeInfo, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var answer = await PostInfoAsync(infoRequest, timeout, ct).ConfigureAwait(false);
        if (!answer.IsSuccess) return answer.Error;
        if (answer.Value.Kind != WsPostKind.Info)
            return ApiResult<T>.Failure(ApiErrorKind.Malformed, $"post {answer.Value.Id}: expected an info answer, got {answer.Value.Kind}");
        using var doc = JsonDocument.Parse(answer.Value.Payload);
        if (!doc.RootElement.TryGetProperty("data", out var data))
            return ApiResult<T>.Failure(ApiErrorKind.Malformed, $"post {answer.Value.Id}: info payload without 'data'");
        return WireJson.Parse(System.Text.Encoding.UTF8.GetBytes(data.GetRawText()), typeInfo);
    }

    /// <summary>Posts a signed action and parses the exchange response.</summary>
    public async Task<ApiResult<ExchangeResponse>> PostActionAsync(byte[] signedExchangeRequest, JsonTypeInfo<ExchangeResponse> typeInfo,
        TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var answer = await PostActionAsync(signedExchangeRequest, timeout, ct).ConfigureAwait(false);
        if (!answer.IsSuccess) return answer.Error;
        return answer.Value.Kind == WsPostKind.Action
            ? WireJson.Parse(answer.Value.Payload, typeInfo)
            : ApiResult<ExchangeResponse>.Failure(ApiErrorKind.Malformed, $"post {answer.Value.Id}: expected an action answer, got {answer.Value.Kind}");
    }

    private async Task<ApiResult<WsPostAnswer>> PostAsync(string type, byte[] payload, TimeSpan? timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_socket is not { } socket || State != WsConnectionState.Connected)
            return ApiResult<WsPostAnswer>.Failure(ApiErrorKind.NotConnected, $"post {type}: not connected");
        TimeSpan wait = timeout ?? _options.PostTimeout;
        try
        {
            if (!await _postSlots.WaitAsync(wait, ct).ConfigureAwait(false))
                return ApiResult<WsPostAnswer>.Failure(ApiErrorKind.RateLimited, $"post {type}: {_options.MaxInFlightPosts} posts in flight for {wait.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            return ApiResult<WsPostAnswer>.Failure(ApiErrorKind.Cancelled, $"post {type} cancelled by the caller");
        }
        try
        {
            return await PostInSlotAsync(socket, type, payload, wait, ct).ConfigureAwait(false);
        }
        finally
        {
            _postSlots.Release();
        }
    }

    private async Task<ApiResult<WsPostAnswer>> PostInSlotAsync(System.Net.WebSockets.ClientWebSocket socket, string type, byte[] payload, TimeSpan wait, CancellationToken ct)
    {
        long id = Interlocked.Increment(ref _nextPostId);
        var pending = new TaskCompletionSource<ApiResult<WsPostAnswer>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingPosts[id] = pending;
        try
        {
            if (!await SendAsync(socket, PostFrame(id, type, payload), ct).ConfigureAwait(false))
                return ApiResult<WsPostAnswer>.Failure(ApiErrorKind.NotConnected, $"post {id} ({type}): the connection dropped while sending");
            using var timer = new CancellationTokenSource(wait, _time);
            using var onTimeout = timer.Token.Register(() => pending.TrySetResult(ApiResult<WsPostAnswer>.Failure(ApiErrorKind.Timeout,
                $"post {id} ({type}): no answer within {wait.TotalSeconds:0.###} s; an action may still have been executed")));
            using var onCancel = ct.Register(() => pending.TrySetResult(ApiResult<WsPostAnswer>.Failure(ApiErrorKind.Cancelled, $"post {id} ({type}) cancelled by the caller")));
            return await pending.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ApiResult<WsPostAnswer>.Failure(ApiErrorKind.Cancelled, $"post {id} ({type}) cancelled by the caller");
        }
        finally
        {
            _pendingPosts.TryRemove(id, out _); // a late answer then finds no one waiting and is dropped
        }
    }

    private static byte[] PostFrame(long id, string type, byte[] payload)
    {
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("method", "post");
            w.WriteNumber("id", id);
            w.WriteStartObject("request");
            w.WriteString("type", type);
            w.WritePropertyName("payload");
            w.WriteRawValue(payload, skipInputValidation: false);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void CompletePost(ReadOnlySpan<byte> frame)
    {
        if (!WsPostFrame.TryRead(frame, out long id, out var kind, out var payloadRange))
        {
            Interlocked.Increment(ref _nonJsonFrames);
            return;
        }
        if (!_pendingPosts.TryGetValue(id, out var pending)) return; // timed out or unknown: nobody waits
        byte[] payload = frame[payloadRange].ToArray();
        if (kind == WsPostKind.Error)
        {
            string text = ReadString(payload);
            pending.TrySetResult(ApiResult<WsPostAnswer>.Failure(
                text.StartsWith("429", StringComparison.Ordinal) ? ApiErrorKind.RateLimited : ApiErrorKind.Rejected, $"post {id}: {text}"));
            return;
        }
        pending.TrySetResult(ApiResult<WsPostAnswer>.Success(new WsPostAnswer(id, kind, payload)));
    }

    private void CompletePostWith(long id, ApiError error)
    {
        if (_pendingPosts.TryGetValue(id, out var pending)) pending.TrySetResult(ApiResult<WsPostAnswer>.Failure(error));
    }

    private void FailPendingPosts(ApiError error)
    {
        foreach (var id in _pendingPosts.Keys) CompletePostWith(id, error);
    }
}
