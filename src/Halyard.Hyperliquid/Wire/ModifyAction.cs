namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"modify","oid":…,"order":{…}}</c> (PROTOCOL §5.4).</summary>
public sealed class ModifyAction(OrderIdentifier oid, OrderWire order) : IL1Action
{
    public string Type => "modify";
    public OrderIdentifier Oid { get; } = oid;
    public OrderWire Order { get; } = order ?? throw new ArgumentNullException(nameof(order));

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(3);
        writer.WriteKey("type"u8);
        writer.WriteString("modify"u8);
        writer.WriteKey("oid"u8);
        Oid.WriteTo(writer);
        writer.WriteKey("order"u8);
        Order.WriteTo(writer);
        writer.WriteMapEnd();
    }
}
