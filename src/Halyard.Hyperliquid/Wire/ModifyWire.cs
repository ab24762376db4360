namespace Halyard.Hyperliquid.Wire;

/// <summary>One modify: <c>{"oid": oid or cloid, "order": {order wire}}</c>.</summary>
public sealed record ModifyWire(OrderIdentifier Oid, OrderWire Order)
{
    public OrderWire Order { get; } = Order ?? throw new ArgumentNullException(nameof(Order));

    internal void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(2);
        writer.WriteKey("oid"u8);
        Oid.WriteTo(writer);
        writer.WriteKey("order"u8);
        Order.WriteTo(writer);
        writer.WriteMapEnd();
    }
}
