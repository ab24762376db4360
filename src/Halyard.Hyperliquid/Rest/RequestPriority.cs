namespace Halyard.Hyperliquid.Rest;

/// <summary>Cancels may dip into the budget kept in reserve; everything else stops short of it.</summary>
public enum RequestPriority
{
    Normal,
    Cancel,
}
