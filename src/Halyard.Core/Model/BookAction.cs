namespace Halyard.Core.Model;

/// <summary>What an order book delta does (values as NautilusTrader writes them).</summary>
public enum BookAction
{
    Add = 1,
    Update = 2,
    Delete = 3,
    Clear = 4,
}
