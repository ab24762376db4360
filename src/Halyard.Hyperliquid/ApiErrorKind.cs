namespace Halyard.Hyperliquid;

/// <summary>Why a venue call failed.</summary>
public enum ApiErrorKind
{
    /// <summary>Could not connect or the connection broke.</summary>
    Transport,
    /// <summary>No answer in time; the request may still have been executed.</summary>
    Timeout,
    /// <summary>The server answered with a non-success HTTP status.</summary>
    HttpStatus,
    /// <summary>HTTP 429 or a client-side budget that stayed exhausted.</summary>
    RateLimited,
    /// <summary>The answer could not be parsed.</summary>
    Malformed,
    /// <summary>The venue refused the whole request (<c>status:"err"</c> or a WS post error).</summary>
    Rejected,
    /// <summary>The WebSocket is not connected.</summary>
    NotConnected,
    /// <summary>The caller cancelled.</summary>
    Cancelled,
}
