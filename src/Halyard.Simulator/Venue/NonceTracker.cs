namespace Halyard.Simulator.Venue;

/// <summary>
/// The exchange's nonce rules, per signer: the 100 highest nonces are kept; a new one must be unused, above the
/// smallest kept one (once 100 are kept), and within (now − 2 days, now + 1 day). Not thread-safe: the venue's
/// lock guards it.
/// </summary>
internal sealed class NonceTracker
{
    public const int Kept = 100;
    private static readonly ulong TwoDaysMs = (ulong)TimeSpan.FromDays(2).TotalMilliseconds;
    private static readonly ulong OneDayMs = (ulong)TimeSpan.FromDays(1).TotalMilliseconds;

    private readonly Dictionary<string, SortedSet<ulong>> _bySigner = new(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="nonce"/> may be used now (it is then recorded), else the rejection text.</summary>
    public string? TryUse(string signer, ulong nonce, ulong nowMs)
    {
        if (nonce <= nowMs - TwoDaysMs || nonce >= nowMs + OneDayMs)
            return $"Invalid nonce: {nonce} is outside the allowed window (now {nowMs} − 2 days, now + 1 day).";
        if (!_bySigner.TryGetValue(signer, out var used))
            _bySigner[signer] = used = [];
        if (used.Contains(nonce)) return $"Invalid nonce: duplicate nonce {nonce}.";
        if (used.Count >= Kept)
        {
            if (nonce <= used.Min)
                return $"Invalid nonce: {nonce} is too low; it must exceed {used.Min}, the smallest of the last {Kept} nonces.";
            used.Remove(used.Min);
        }
        used.Add(nonce);
        return null;
    }

    /// <summary>Forgets a signer's nonces (an agent replaced by a new approval starts fresh).</summary>
    public void Forget(string signer) => _bySigner.Remove(signer);
}
