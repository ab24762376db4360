namespace Halyard.Hyperliquid.Wire;

/// <summary><c>{"type":"updateLeverage","asset","isCross","leverage"}</c> (PROTOCOL §5.6).</summary>
public sealed class UpdateLeverageAction : IL1Action
{
    public UpdateLeverageAction(int asset, bool isCross, int leverage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        if (leverage < 1) throw new ArgumentOutOfRangeException(nameof(leverage), leverage, "leverage must be at least 1");
        Asset = asset;
        IsCross = isCross;
        Leverage = leverage;
    }

    public string Type => "updateLeverage";
    public int Asset { get; }
    public bool IsCross { get; }
    public int Leverage { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(4);
        writer.WriteKey("type"u8);
        writer.WriteString("updateLeverage"u8);
        writer.WriteKey("asset"u8);
        writer.WriteInt64(Asset);
        writer.WriteKey("isCross"u8);
        writer.WriteBool(IsCross);
        writer.WriteKey("leverage"u8);
        writer.WriteInt64(Leverage);
        writer.WriteMapEnd();
    }
}
