namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"order","orders":[…],"grouping":…[,"builder":{…}]}</c> (PROTOCOL §5.1).</summary>
public sealed class OrderAction : IL1Action
{
    public OrderAction(IReadOnlyList<OrderWire> orders, OrderGrouping grouping = OrderGrouping.Na, BuilderFee? builder = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0) throw new ArgumentException("orders must contain at least one order", nameof(orders));
        for (int i = 0; i < orders.Count; i++)
            if (orders[i] is null) throw new ArgumentException($"orders[{i}] is null", nameof(orders));
        Orders = orders;
        Grouping = grouping;
        Builder = builder;
    }

    public OrderAction(OrderWire order) : this([order]) { }

    public string Type => "order";
    public IReadOnlyList<OrderWire> Orders { get; }
    public OrderGrouping Grouping { get; }
    public BuilderFee? Builder { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(Builder is null ? 3 : 4);
        writer.WriteKey("type"u8);
        writer.WriteString("order"u8);
        writer.WriteKey("orders"u8);
        writer.WriteArrayStart(Orders.Count);
        for (int i = 0; i < Orders.Count; i++) Orders[i].WriteTo(writer);
        writer.WriteArrayEnd();
        writer.WriteKey("grouping"u8);
        writer.WriteString(Grouping switch
        {
            OrderGrouping.Na => "na"u8,
            OrderGrouping.NormalTpsl => "normalTpsl"u8,
            OrderGrouping.PositionTpsl => "positionTpsl"u8,
            _ => throw new ArgumentOutOfRangeException(nameof(Grouping), Grouping, "unknown grouping"),
        });
        if (Builder is not null)
        {
            writer.WriteKey("builder"u8);
            Builder.WriteTo(writer);
        }
        writer.WriteMapEnd();
    }
}
