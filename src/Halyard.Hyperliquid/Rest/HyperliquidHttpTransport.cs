using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Halyard.Hyperliquid.Rest;

/// <summary>
/// POSTs JSON to <c>{base}/info</c> or <c>{base}/exchange</c> with a per-attempt timeout and exponential backoff with
/// jitter on 429, 5xx, timeouts and connection failures (Polly, on the configured <see cref="TimeProvider"/>). Each
/// attempt first takes its weight from the shared <see cref="RestWeightLimiter"/>. Failures come back as
/// <see cref="ApiError"/> values.
/// </summary>
internal sealed class HyperliquidHttpTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly HyperliquidRestOptions _options;
    private readonly RestWeightLimiter _limiter;
    private readonly ResiliencePipeline<HttpOutcome> _retrying;
    private readonly ResiliencePipeline<HttpOutcome> _single;
    private readonly ResiliencePipeline<HttpOutcome> _attemptTimeout;

    public HyperliquidHttpTransport(HttpClient http, HyperliquidRestOptions options, RestWeightLimiter limiter)
    {
        _http = http;
        _options = options;
        _limiter = limiter;
        _retrying = Build(options.MaxRetries);
        _single = Build(0);
        _attemptTimeout = new ResiliencePipelineBuilder<HttpOutcome> { TimeProvider = options.TimeProvider }.AddTimeout(options.AttemptTimeout).Build();
    }

    public RestWeightLimiter Limiter => _limiter;

    private ResiliencePipeline<HttpOutcome> Build(int retries)
    {
        var builder = new ResiliencePipelineBuilder<HttpOutcome> { TimeProvider = _options.TimeProvider };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpOutcome>
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                ShouldHandle = new PredicateBuilder<HttpOutcome>()
                    .HandleResult(o => o.IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
            });
        }
        return builder.Build();
    }

    /// <summary>Posts <paramref name="body"/>; retries transient failures unless <paramref name="retry"/> is false.</summary>
    public async Task<ApiResult<byte[]>> PostAsync(string path, byte[] body, int weight, RequestPriority priority, bool retry, CancellationToken cancellationToken)
    {
        var uri = new Uri(_options.BaseUrl, path);
        HttpOutcome outcome;
        try
        {
            outcome = await (retry ? _retrying : _single).ExecuteAsync(async ct =>
            {
                // Waiting for budget is not part of the attempt's time: a request that never left cannot have executed.
                await _limiter.AcquireAsync(weight, priority, ct).ConfigureAwait(false);
                return await _attemptTimeout.ExecuteAsync(async attemptCt =>
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = Json;
                    using var response = await _http.PostAsync(uri, content, attemptCt).ConfigureAwait(false);
                    byte[] bytes = await response.Content.ReadAsByteArrayAsync(attemptCt).ConfigureAwait(false);
                    if ((int)response.StatusCode == 429) _limiter.OnThrottled();
                    return new HttpOutcome((int)response.StatusCode, bytes);
                }, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ApiResult<byte[]>.Failure(ApiErrorKind.Cancelled, $"POST {path} cancelled by the caller");
        }
        catch (TimeoutRejectedException)
        {
            return ApiResult<byte[]>.Failure(ApiErrorKind.Timeout, $"POST {path}: no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s{Attempts(retry)}");
        }
        catch (HttpRequestException ex)
        {
            return ApiResult<byte[]>.Failure(ApiErrorKind.Transport, $"POST {path}: {ex.Message}{Attempts(retry)}");
        }

        if (outcome.StatusCode is >= 200 and < 300) return ApiResult<byte[]>.Success(outcome.Body);
        string text = Excerpt(outcome.Body);
        return outcome.StatusCode == 429
            ? ApiResult<byte[]>.Failure(ApiErrorKind.RateLimited, $"POST {path}: 429 Too Many Requests{Attempts(retry)}: {text}", 429)
            : ApiResult<byte[]>.Failure(ApiErrorKind.HttpStatus, $"POST {path}: HTTP {outcome.StatusCode}{Attempts(retry)}: {text}", outcome.StatusCode);
    }

    private string Attempts(bool retry) => retry && _options.MaxRetries > 0 ? $" (after {_options.MaxRetries + 1} attempts)" : "";

    private static string Excerpt(byte[] body)
    {
        string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return body.Length > 300 ? text + "…" : text;
    }
}
