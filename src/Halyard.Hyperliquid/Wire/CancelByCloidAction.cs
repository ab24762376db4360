namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"cancelByCloid","cancels":[{"asset","cloid"}…]}</c> (PROTOCOL §5.3).</summary>
public sealed class CancelByCloidAction : IL1Action
{
    public CancelByCloidAction(IReadOnlyList<CancelByCloidWire> cancels)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0) throw new ArgumentException("cancels must contain at least one cancel", nameof(cancels));
        for (int i = 0; i < cancels.Count; i++)
            if (cancels[i].Asset < 0) throw new ArgumentException($"cancels[{i}].asset must not be negative", nameof(cancels));
        Cancels = cancels;
    }

    public string Type => "cancelByCloid";
    public IReadOnlyList<CancelByCloidWire> Cancels { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(2);
        writer.WriteKey("type"u8);
        writer.WriteString("cancelByCloid"u8);
        writer.WriteKey("cancels"u8);
        writer.WriteArrayStart(Cancels.Count);
        for (int i = 0; i < Cancels.Count; i++)
        {
            writer.WriteMapStart(2);
            writer.WriteKey("asset"u8);
            writer.WriteInt64(Cancels[i].Asset);
            writer.WriteKey("cloid"u8);
            Cancels[i].Cloid.WriteTo(writer);
            writer.WriteMapEnd();
        }
        writer.WriteArrayEnd();
        writer.WriteMapEnd();
    }
}
