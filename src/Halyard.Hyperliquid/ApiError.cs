namespace Halyard.Hyperliquid;

/// <summary>What failed and why; <see cref="HttpStatus"/> is set for HTTP-level failures.</summary>
public sealed record ApiError(ApiErrorKind Kind, string Message, int? HttpStatus = null)
{
    /// <summary>True when the request may have reached the venue and been executed (answer lost).</summary>
    public bool MayHaveExecuted => Kind is ApiErrorKind.Timeout or ApiErrorKind.Transport
        || (Kind == ApiErrorKind.HttpStatus && HttpStatus >= 500);

    public override string ToString() => HttpStatus is { } status ? $"{Kind} (HTTP {status}): {Message}" : $"{Kind}: {Message}";
}
