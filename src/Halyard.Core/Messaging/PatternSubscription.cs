namespace Halyard.Core.Messaging;

/// <summary>A subscription to every topic whose name matches a pattern ('*' any run of characters, '?' one character).</summary>
internal abstract class PatternSubscription(string pattern, object handler)
{
    public string Pattern { get; } = pattern;
    public object Handler { get; } = handler;

    public bool Matches(string topic) => Glob(Pattern, topic);

    /// <summary>The handler as an <see cref="Action{T}"/> for a topic of <typeparamref name="T"/>, or null when the types do not fit.</summary>
    public abstract Action<T>? AdaptTo<T>();

    internal static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t])) { p++; t++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}

internal sealed class PatternSubscription<TSub>(string pattern, Action<TSub> handler) : PatternSubscription(pattern, handler)
{
    public override Action<T>? AdaptTo<T>()
    {
        if (typeof(T) == typeof(TSub)) return (Action<T>)(object)handler;
        if (typeof(TSub).IsAssignableFrom(typeof(T))) return m => handler((TSub)(object)m!);
        return null;
    }
}
