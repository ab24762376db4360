namespace Halyard.Core.Matching;

/// <summary>Kind of a trigger order: take-profit or stop-loss.</summary>
public enum TpSl
{
    Tp = 1,
    Sl = 2,
}
