namespace Halyard.Hyperliquid.Ws;

/// <summary>The <c>response.type</c> of a WS post answer.</summary>
public enum WsPostKind
{
    Unknown,
    /// <summary><c>payload</c> = <c>{"type":…,"data":…}</c>, the info answer.</summary>
    Info,
    /// <summary><c>payload</c> = the exact /exchange answer.</summary>
    Action,
    /// <summary><c>payload</c> = a string describing the failure.</summary>
    Error,
}
