namespace Halyard.Core.Node;

/// <summary>Where a <see cref="TradingNode"/> is in its life.</summary>
public enum NodeState
{
    Created = 1,
    Starting = 2,
    Running = 3,
    Stopping = 4,
    Stopped = 5,
    /// <summary>Start failed; the node was torn down again.</summary>
    Faulted = 6,
}
