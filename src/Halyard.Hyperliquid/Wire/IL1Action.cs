namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// An action signed with the L1 (phantom agent) scheme. It describes its fields once, in the venue's key order;
/// the same description produces the msgpack we hash and the JSON we send.
/// </summary>
public interface IL1Action
{
    /// <summary>The wire <c>type</c> ("order", "cancel", …).</summary>
    string Type { get; }

    /// <summary>Writes the whole action object (including <c>type</c>) in hashing order.</summary>
    void WriteTo(IWireWriter writer);
}
