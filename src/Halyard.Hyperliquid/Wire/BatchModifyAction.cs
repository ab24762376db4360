namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"batchModify","modifies":[{"oid","order"}…]}</c> (PROTOCOL §5.4).</summary>
public sealed class BatchModifyAction : IL1Action
{
    public BatchModifyAction(IReadOnlyList<ModifyWire> modifies)
    {
        ArgumentNullException.ThrowIfNull(modifies);
        if (modifies.Count == 0) throw new ArgumentException("modifies must contain at least one modify", nameof(modifies));
        for (int i = 0; i < modifies.Count; i++)
            if (modifies[i] is null) throw new ArgumentException($"modifies[{i}] is null", nameof(modifies));
        Modifies = modifies;
    }

    public string Type => "batchModify";
    public IReadOnlyList<ModifyWire> Modifies { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(2);
        writer.WriteKey("type"u8);
        writer.WriteString("batchModify"u8);
        writer.WriteKey("modifies"u8);
        writer.WriteArrayStart(Modifies.Count);
        for (int i = 0; i < Modifies.Count; i++) Modifies[i].WriteTo(writer);
        writer.WriteArrayEnd();
        writer.WriteMapEnd();
    }
}
