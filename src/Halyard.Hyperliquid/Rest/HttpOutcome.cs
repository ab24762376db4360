namespace Halyard.Hyperliquid.Rest;

/// <summary>The status and body of one HTTP attempt.</summary>
internal readonly record struct HttpOutcome(int StatusCode, byte[] Body)
{
    public bool IsTransient => StatusCode == 429 || StatusCode >= 500;
}
