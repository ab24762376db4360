namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"noop"}</c>: burns a nonce, invalidating an in-flight action signed with it (PROTOCOL §9).</summary>
public sealed class NoopAction : IL1Action
{
    public static NoopAction Instance { get; } = new();

    public string Type => "noop";

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(1);
        writer.WriteKey("type"u8);
        writer.WriteString("noop"u8);
        writer.WriteMapEnd();
    }
}
