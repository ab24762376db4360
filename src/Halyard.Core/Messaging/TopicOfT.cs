namespace Halyard.Core.Messaging;

/// <summary>
/// A topic carrying messages of type <typeparamref name="T"/>. Publishers resolve it once and keep it:
/// publishing walks a pre-built handler array, so it allocates nothing and never boxes a struct.
/// Subscribing copies the array, so a handler may (un)subscribe while a message is being delivered.
/// </summary>
public sealed class Topic<T> : Topic
{
    private Action<T>[] _handlers = [];
    private object[] _keys = []; // what the subscriber registered (handler or pattern), to find it again

    internal Topic(string name) : base(name) { }

    public override Type MessageType => typeof(T);
    public override int SubscriberCount => _handlers.Length;
    public bool HasSubscribers => _handlers.Length != 0;

    /// <summary>Delivers <paramref name="message"/> to every subscriber, in subscription order.</summary>
    public void Publish(T message)
    {
        Action<T>[] handlers = _handlers;
        for (int i = 0; i < handlers.Length; i++) handlers[i](message);
    }

    internal bool Add(object key, Action<T> handler)
    {
        if (Array.IndexOf(_keys, key) >= 0) return false; // subscribing twice delivers once
        _handlers = [.. _handlers, handler];
        _keys = [.. _keys, key];
        return true;
    }

    internal bool Remove(object key)
    {
        int index = Array.IndexOf(_keys, key);
        if (index < 0) return false;
        _handlers = [.. _handlers.AsSpan(0, index), .. _handlers.AsSpan(index + 1)];
        _keys = [.. _keys.AsSpan(0, index), .. _keys.AsSpan(index + 1)];
        return true;
    }

    internal override void TryAddPattern(PatternSubscription pattern)
    {
        if (pattern.Matches(Name) && pattern.AdaptTo<T>() is Action<T> handler) Add(pattern, handler);
    }

    internal override void RemovePattern(PatternSubscription pattern) => Remove(pattern);
}
