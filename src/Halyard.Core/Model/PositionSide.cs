namespace Halyard.Core.Model;

/// <summary>Direction of a netted position.</summary>
public enum PositionSide
{
    Flat = 0,
    Long = 1,
    Short = 2,
}
