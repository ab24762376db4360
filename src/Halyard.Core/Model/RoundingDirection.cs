namespace Halyard.Core.Model;

/// <summary>How a value that is off the grid is moved onto it.</summary>
public enum RoundingDirection
{
    /// <summary>To the nearest grid point, ties to the even one.</summary>
    Nearest,
    /// <summary>Toward negative infinity.</summary>
    Down,
    /// <summary>Toward positive infinity.</summary>
    Up,
    TowardZero,
    AwayFromZero,
}
