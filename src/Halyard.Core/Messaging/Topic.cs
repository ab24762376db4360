namespace Halyard.Core.Messaging;

/// <summary>A named topic of the <see cref="MessageBus"/>, untyped view.</summary>
public abstract class Topic
{
    protected Topic(string name) => Name = name;

    public string Name { get; }
    public abstract Type MessageType { get; }
    public abstract int SubscriberCount { get; }

    internal abstract void TryAddPattern(PatternSubscription pattern);
    internal abstract void RemovePattern(PatternSubscription pattern);
}
