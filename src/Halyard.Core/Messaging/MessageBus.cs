namespace Halyard.Core.Messaging;

/// <summary>
/// Publish/subscribe by topic name and point-to-point send/request by endpoint name, on the kernel thread.
/// Topics are typed; a hot publisher calls <see cref="GetTopic{T}"/> once and publishes through the
/// returned <see cref="Topic{T}"/>, which costs one array walk and no allocation per message.
/// Names containing '*' or '?' subscribe to every matching topic, present and future.
/// </summary>
public sealed class MessageBus
{
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly List<PatternSubscription> _patterns = [];
    private readonly Dictionary<string, Delegate> _endpoints = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Topics => _topics.Keys;
    public IReadOnlyCollection<string> Endpoints => _endpoints.Keys;

    /// <summary>The topic named <paramref name="name"/>, created on first use with the message type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The topic already exists with another message type.</exception>
    public Topic<T> GetTopic<T>(string name)
    {
        if (_topics.TryGetValue(name, out Topic? existing))
            return existing as Topic<T> ?? throw new InvalidOperationException(
                $"topic '{name}' carries {existing.MessageType.Name}, not {typeof(T).Name}");
        if (IsPattern(name)) throw new ArgumentException($"topic name '{name}' must not contain '*' or '?'", nameof(name));
        var topic = new Topic<T>(name);
        _topics.Add(name, topic);
        foreach (PatternSubscription pattern in _patterns) topic.TryAddPattern(pattern);
        return topic;
    }

    /// <summary>Publishes on a topic by name (one dictionary lookup); prefer a kept <see cref="Topic{T}"/> on hot paths.</summary>
    public void Publish<T>(string topic, T message)
    {
        if (_topics.TryGetValue(topic, out Topic? existing))
        {
            if (existing is Topic<T> typed) typed.Publish(message);
            else throw new InvalidOperationException($"topic '{topic}' carries {existing.MessageType.Name}, not {typeof(T).Name}");
        }
        else if (_patterns.Count > 0)
        {
            GetTopic<T>(topic).Publish(message); // a pattern may match a topic nobody has named yet
        }
    }

    /// <summary>
    /// Delivers messages of <paramref name="topic"/> (or of every topic matching the pattern) to <paramref name="handler"/>.
    /// A handler typed as a base type or interface of the topic's type receives them too.
    /// Subscribing the same handler twice has no further effect.
    /// </summary>
    public void Subscribe<T>(string topic, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (IsPattern(topic))
        {
            if (_patterns.Exists(p => p.Pattern == topic && p.Handler.Equals(handler))) return;
            var pattern = new PatternSubscription<T>(topic, handler);
            _patterns.Add(pattern);
            foreach (Topic t in _topics.Values) t.TryAddPattern(pattern);
            return;
        }
        if (_topics.TryGetValue(topic, out Topic? existing) && existing is not Topic<T>)
        {
            // Adapt through a one-topic pattern so a handler of a base type can listen.
            if (!typeof(T).IsAssignableFrom(existing.MessageType))
                throw new InvalidOperationException($"topic '{topic}' carries {existing.MessageType.Name}, which is not a {typeof(T).Name}");
            if (_patterns.Exists(p => p.Pattern == topic && p.Handler.Equals(handler))) return;
            var adapter = new PatternSubscription<T>(topic, handler);
            _patterns.Add(adapter);
            existing.TryAddPattern(adapter);
            return;
        }
        GetTopic<T>(topic).Add(handler, handler);
    }

    /// <summary>Stops delivering to <paramref name="handler"/>; true when it was subscribed.</summary>
    public bool Unsubscribe<T>(string topic, Action<T> handler)
    {
        int index = _patterns.FindIndex(p => p.Pattern == topic && p.Handler.Equals(handler));
        if (index >= 0)
        {
            PatternSubscription pattern = _patterns[index];
            _patterns.RemoveAt(index);
            foreach (Topic t in _topics.Values) t.RemovePattern(pattern);
            return true;
        }
        return _topics.TryGetValue(topic, out Topic? existing) && existing is Topic<T> typed && typed.Remove(handler);
    }

    /// <summary>Whether anyone listens on <paramref name="topic"/>.</summary>
    public bool HasSubscribers(string topic) => _topics.TryGetValue(topic, out Topic? t) && t.SubscriberCount > 0;

    /// <summary>Registers the one handler of commands sent to <paramref name="endpoint"/>.</summary>
    public void RegisterEndpoint<T>(string endpoint, Action<T> handler) => AddEndpoint(endpoint, handler);

    /// <summary>Registers the one responder of requests sent to <paramref name="endpoint"/>.</summary>
    public void RegisterEndpoint<TRequest, TResponse>(string endpoint, Func<TRequest, TResponse> responder) => AddEndpoint(endpoint, responder);

    private void AddEndpoint(string endpoint, Delegate handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_endpoints.TryAdd(endpoint, handler)) throw new InvalidOperationException($"endpoint '{endpoint}' is already registered");
    }

    public bool DeregisterEndpoint(string endpoint) => _endpoints.Remove(endpoint);

    /// <summary>Sends a command to the handler of <paramref name="endpoint"/>.</summary>
    /// <exception cref="InvalidOperationException">No handler of that type is registered (a wiring error).</exception>
    public void Send<T>(string endpoint, T message)
    {
        if (_endpoints.TryGetValue(endpoint, out Delegate? d) && d is Action<T> handler) handler(message);
        else throw new InvalidOperationException($"no endpoint '{endpoint}' accepts {typeof(T).Name}");
    }

    /// <summary>Asks the responder of <paramref name="endpoint"/> and returns its answer synchronously.</summary>
    public TResponse Request<TRequest, TResponse>(string endpoint, TRequest request)
    {
        if (_endpoints.TryGetValue(endpoint, out Delegate? d) && d is Func<TRequest, TResponse> responder) return responder(request);
        throw new InvalidOperationException($"no endpoint '{endpoint}' answers {typeof(TRequest).Name} with {typeof(TResponse).Name}");
    }

    private static bool IsPattern(string name) => name.AsSpan().IndexOfAny('*', '?') >= 0;
}
