namespace Halyard.Core.Model;

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    Gtc = 1,
    Ioc = 2,
    Fok = 3,
    /// <summary>Good till the order's expire time.</summary>
    Gtd = 4,
}
