using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Rest;

public sealed partial class HyperliquidExchangeClient
{
    /// <summary>
    /// Posts signed bytes; after an answer that may have been lost (timeout, connection failure, 5xx) or a 429, looks
    /// the orders up by cloid when possible, otherwise re-posts the same bytes (same nonce: executed at most once).
    /// </summary>
    private async Task<ApiResult<ExchangeResponse>> PostSignedAsync(byte[] body, int batchLength, RequestPriority priority,
        IReadOnlyList<Cloid>? cloids, CancellationToken ct)
    {
        int weight = RequestWeights.Exchange(batchLength);
        ApiError? lost = null;
        for (int attempt = 0; ; attempt++)
        {
            var raw = await SendOnceAsync(body, weight, priority, ct).ConfigureAwait(false);
            if (raw.IsSuccess)
            {
                var parsed = WireJson.Parse(raw.Value, HyperliquidJsonContext.Default.ExchangeResponse);
                if (!parsed.IsSuccess) return ApiResult<ExchangeResponse>.Failure(ApiErrorKind.Malformed, $"exchange: {parsed.Error.Message}");
                if (parsed.Value.IsOk) return parsed;
                // A re-post of bytes that already landed is refused for its nonce: the first attempt's outcome is what counts.
                if (lost is not null && cloids is not null && await RecoverByCloidAsync(cloids, ct).ConfigureAwait(false) is { } landed)
                    return landed;
                string message = parsed.Value.Error ?? "rejected";
                return ApiResult<ExchangeResponse>.Failure(ApiErrorKind.Rejected, lost is null
                    ? message
                    : $"{message} (re-sent after '{lost.Message}': the first attempt may have executed; reconcile)");
            }

            var error = raw.Error;
            bool transient = error.MayHaveExecuted || error.Kind == ApiErrorKind.RateLimited;
            if (!transient || attempt >= Options.MaxRetries) return error;
            if (error.MayHaveExecuted) lost = error;
            if (error.MayHaveExecuted && cloids is not null && await RecoverByCloidAsync(cloids, ct).ConfigureAwait(false) is { } known)
                return known;
            double backoffMs = Math.Min(Options.RetryMaxDelay.TotalMilliseconds, Options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(backoffMs * (0.5 + Random.Shared.NextDouble() * 0.5)), Options.TimeProvider, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ApiResult<ExchangeResponse>.Failure(ApiErrorKind.Cancelled, $"exchange: cancelled while retrying after {error}");
            }
        }
    }

    /// <summary>One attempt: a WS post when the socket is connected, otherwise HTTP; the raw /exchange answer.</summary>
    private async Task<ApiResult<byte[]>> SendOnceAsync(byte[] body, int weight, RequestPriority priority, CancellationToken ct)
    {
        if (WebSocket is { State: Ws.WsConnectionState.Connected } socket)
        {
            var answer = await socket.PostActionAsync(body, Options.AttemptTimeout, ct).ConfigureAwait(false);
            if (answer.IsSuccess)
                return answer.Value.Kind == Ws.WsPostKind.Action
                    ? ApiResult<byte[]>.Success(answer.Value.Payload)
                    : ApiResult<byte[]>.Failure(ApiErrorKind.Malformed, $"exchange over WS: expected an action answer, got {answer.Value.Kind}");
            if (answer.Error.Kind != ApiErrorKind.NotConnected) return answer.Error;
        }
        return await _transport.PostAsync("/exchange", body, weight, priority, retry: false, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks <c>orderStatus</c> for every cloid; when the venue knows all of them, returns statuses rebuilt from their
    /// state (resting/filled/error), otherwise null (the order may never have landed).
    /// </summary>
    private async Task<ApiResult<ExchangeResponse>?> RecoverByCloidAsync(IReadOnlyList<Cloid> cloids, CancellationToken ct)
    {
        var statuses = new List<ExchangeStatus>(cloids.Count);
        foreach (var cloid in cloids)
        {
            string text = cloid.ToString();
            var status = await _info.GetOrderStatusAsync(AccountAddress, text, ct).ConfigureAwait(false);
            if (!status.IsSuccess || status.Value.Order is not { } detail) return null;
            var order = detail.Order;
            statuses.Add(detail.Status switch
            {
                "open" when order.IsTrigger => new ExchangeStatus { Kind = ExchangeStatusKind.WaitingForTrigger, Oid = order.Oid, Cloid = text, RawText = "waitingForTrigger" },
                "open" or "triggered" => ExchangeStatus.Resting(order.Oid, text),
                "filled" => new ExchangeStatus
                {
                    Kind = ExchangeStatusKind.Filled, Oid = order.Oid, Cloid = text, TotalSz = order.OrigSz - order.Sz, RawText = "filled (recovered; avgPx unknown)",
                },
                var other => new ExchangeStatus
                {
                    Kind = ExchangeStatusKind.Error, Oid = order.Oid, Cloid = text, Error = $"order is {other} (recovered via orderStatus after a lost answer)", RawText = other,
                },
            });
        }
        return ApiResult<ExchangeResponse>.Success(new ExchangeResponse { IsOk = true, ResponseType = "order", Statuses = statuses });
    }
}
