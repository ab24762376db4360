namespace Halyard.Hyperliquid.Wire;

/// <summary>Which order a modify targets: the venue oid (JSON integer) or our cloid (JSON string).</summary>
public readonly struct OrderIdentifier : IEquatable<OrderIdentifier>
{
    private OrderIdentifier(ulong oid, Cloid? cloid)
    {
        Oid = oid;
        Cloid = cloid;
    }

    public ulong Oid { get; }
    public Cloid? Cloid { get; }

    public static OrderIdentifier FromOid(ulong oid) => new(oid, null);
    public static OrderIdentifier FromCloid(Cloid cloid) => new(0, cloid);

    public static implicit operator OrderIdentifier(ulong oid) => FromOid(oid);
    public static implicit operator OrderIdentifier(Cloid cloid) => FromCloid(cloid);

    internal void WriteTo(IWireWriter writer)
    {
        if (Cloid is { } cloid) cloid.WriteTo(writer);
        else writer.WriteUInt64(Oid);
    }

    public bool Equals(OrderIdentifier other) => Oid == other.Oid && Cloid == other.Cloid;
    public override bool Equals(object? obj) => obj is OrderIdentifier other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Oid, Cloid);
    public override string ToString() => Cloid?.ToString() ?? Oid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
