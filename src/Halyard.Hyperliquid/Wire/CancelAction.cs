namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"cancel","cancels":[{"a","o"}…]}</c> (PROTOCOL §5.2).</summary>
public sealed class CancelAction : IL1Action
{
    public CancelAction(IReadOnlyList<CancelWire> cancels)
    {
        ArgumentNullException.ThrowIfNull(cancels);
        if (cancels.Count == 0) throw new ArgumentException("cancels must contain at least one cancel", nameof(cancels));
        for (int i = 0; i < cancels.Count; i++)
            if (cancels[i].Asset < 0) throw new ArgumentException($"cancels[{i}].a (asset) must not be negative", nameof(cancels));
        Cancels = cancels;
    }

    public string Type => "cancel";
    public IReadOnlyList<CancelWire> Cancels { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(2);
        writer.WriteKey("type"u8);
        writer.WriteString("cancel"u8);
        writer.WriteKey("cancels"u8);
        writer.WriteArrayStart(Cancels.Count);
        for (int i = 0; i < Cancels.Count; i++)
        {
            writer.WriteMapStart(2);
            writer.WriteKey("a"u8);
            writer.WriteInt64(Cancels[i].Asset);
            writer.WriteKey("o"u8);
            writer.WriteUInt64(Cancels[i].Oid);
            writer.WriteMapEnd();
        }
        writer.WriteArrayEnd();
        writer.WriteMapEnd();
    }
}
