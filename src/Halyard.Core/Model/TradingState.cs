namespace Halyard.Core.Model;

/// <summary>Whether the risk engine lets orders through.</summary>
public enum TradingState
{
    /// <summary>All orders allowed.</summary>
    Active = 1,
    /// <summary>Halted: no orders except cancels.</summary>
    Halted = 2,
    /// <summary>Only orders that reduce exposure.</summary>
    Reducing = 3,
}
