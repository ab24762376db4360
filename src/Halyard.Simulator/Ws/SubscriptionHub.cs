using System.Collections.Immutable;

namespace Halyard.Simulator.Ws;

/// <summary>
/// Who listens to what: topic → (connection, subscription) pairs, read lock-free by the publisher (copy-on-write
/// arrays) and changed under one lock by the connections' receive loops.
/// </summary>
internal sealed class SubscriptionHub
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ImmutableArray<Listener>> _byTopic = new(StringComparer.Ordinal);
    private ImmutableArray<WsConnection> _connections = [];
    private volatile Dictionary<string, ImmutableArray<Listener>> _snapshot = new(StringComparer.Ordinal);

    public readonly record struct Listener(WsConnection Connection, Subscription Subscription);

    public ImmutableArray<WsConnection> Connections => _connections;

    public int ConnectionCount => _connections.Length;

    public void AddConnection(WsConnection connection)
    {
        lock (_gate) _connections = _connections.Add(connection);
    }

    public void RemoveConnection(WsConnection connection)
    {
        lock (_gate)
        {
            _connections = _connections.Remove(connection);
            foreach (var subscription in connection.Subscriptions.Values) RemoveListener(connection, subscription);
            connection.Subscriptions.Clear();
            Publish();
        }
    }

    /// <summary>False when the connection already holds a subscription with the same key.</summary>
    public bool Subscribe(WsConnection connection, Subscription subscription)
    {
        lock (_gate)
        {
            if (!connection.Subscriptions.TryAdd(subscription.Key, subscription)) return false;
            _byTopic[subscription.Topic] = _byTopic.TryGetValue(subscription.Topic, out var listeners)
                ? listeners.Add(new Listener(connection, subscription))
                : [new Listener(connection, subscription)];
            Publish();
            return true;
        }
    }

    /// <summary>False when the connection holds no subscription with that key.</summary>
    public bool Unsubscribe(WsConnection connection, Subscription subscription)
    {
        lock (_gate)
        {
            if (!connection.Subscriptions.Remove(subscription.Key, out var existing)) return false;
            RemoveListener(connection, existing);
            Publish();
            return true;
        }
    }

    /// <summary>The listeners of a topic ("l2Book|BTC", "userFills|0xabc…"); empty when none.</summary>
    public ImmutableArray<Listener> Listeners(string topic) =>
        _snapshot.TryGetValue(topic, out var listeners) ? listeners : [];

    public bool HasListeners(string topic) => _snapshot.ContainsKey(topic);

    private void RemoveListener(WsConnection connection, Subscription subscription)
    {
        if (!_byTopic.TryGetValue(subscription.Topic, out var listeners)) return;
        listeners = listeners.RemoveAll(l => l.Connection == connection && l.Subscription.Key == subscription.Key);
        if (listeners.IsEmpty) _byTopic.Remove(subscription.Topic);
        else _byTopic[subscription.Topic] = listeners;
    }

    private void Publish() => _snapshot = new Dictionary<string, ImmutableArray<Listener>>(_byTopic, StringComparer.Ordinal);
}
