namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// One order as the venue hashes it: keys <c>a, b, p, s, r, t[, c]</c> (PROTOCOL §5.1). Price and size are wire
/// strings already rounded and formatted (see <see cref="TickRules"/> and <see cref="WireNumber"/>).
/// </summary>
public sealed record OrderWire
{
    public OrderWire(int asset, bool isBuy, string price, string size, bool reduceOnly, OrderTypeWire orderType, Cloid? cloid = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        WireNumber.RequireCanonical(price, "p (price)");
        WireNumber.RequireCanonical(size, "s (size)");
        if (price == "0") throw new ArgumentException("p (price) must be greater than zero", nameof(price));
        Asset = asset;
        IsBuy = isBuy;
        Price = price;
        Size = size;
        ReduceOnly = reduceOnly;
        OrderType = orderType ?? throw new ArgumentNullException(nameof(orderType));
        Cloid = cloid;
    }

    public int Asset { get; }
    public bool IsBuy { get; }
    public string Price { get; }
    public string Size { get; }
    public bool ReduceOnly { get; }
    public OrderTypeWire OrderType { get; }
    public Cloid? Cloid { get; }

    internal void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(Cloid.HasValue ? 7 : 6);
        writer.WriteKey("a"u8);
        writer.WriteInt64(Asset);
        writer.WriteKey("b"u8);
        writer.WriteBool(IsBuy);
        writer.WriteKey("p"u8);
        writer.WriteString(Price);
        writer.WriteKey("s"u8);
        writer.WriteString(Size);
        writer.WriteKey("r"u8);
        writer.WriteBool(ReduceOnly);
        writer.WriteKey("t"u8);
        OrderType.WriteTo(writer);
        if (Cloid is { } cloid)
        {
            writer.WriteKey("c"u8);
            cloid.WriteTo(writer);
        }
        writer.WriteMapEnd();
    }
}
