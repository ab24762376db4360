namespace Halyard.Hyperliquid.Wire.Responses;

/// <summary>What one entry of an /exchange <c>statuses</c> array says happened.</summary>
public enum ExchangeStatusKind
{
    /// <summary>A status this client does not know; see <see cref="ExchangeStatus.RawText"/>.</summary>
    Unknown,
    Resting,
    Filled,
    Error,
    /// <summary>Accepted, not yet live ("waitingForFill").</summary>
    WaitingForFill,
    /// <summary>Trigger order accepted, waiting for its trigger ("waitingForTrigger").</summary>
    WaitingForTrigger,
    /// <summary>A cancel that succeeded ("success").</summary>
    Success,
}
