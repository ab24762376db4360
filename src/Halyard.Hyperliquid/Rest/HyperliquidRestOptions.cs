namespace Halyard.Hyperliquid.Rest;

/// <summary>Settings of the REST clients; <see cref="Validate"/> names the field at fault.</summary>
public sealed record HyperliquidRestOptions
{
    /// <summary>Mainnet or testnet (<see cref="HyperliquidEndpoints.RestUrl"/>) or a local simulator's base URL.</summary>
    public Uri BaseUrl { get; init; } = HyperliquidEndpoints.Mainnet.RestUrl;
    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Retries after the first attempt on 429, 5xx, timeouts and connection failures.</summary>
    public int MaxRetries { get; init; } = 3;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Pages fetched at most by the paginated history calls.</summary>
    public int MaxPages { get; init; } = 50;
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{nameof(BaseUrl)} must be an absolute http(s) URL, got '{BaseUrl}'", nameof(BaseUrl));
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "must be positive");
        if (MaxRetries is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "must be between 0 and 10");
        if (RetryBaseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryBaseDelay), RetryBaseDelay, "must not be negative");
        if (RetryMaxDelay < RetryBaseDelay) throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), RetryMaxDelay, $"must be at least {nameof(RetryBaseDelay)}");
        if (MaxPages <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPages), MaxPages, "must be positive");
    }
}
