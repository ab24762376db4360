namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// <c>{"type":"updateIsolatedMargin","asset","isBuy","ntli"}</c>; <c>ntli</c> is signed USD × 10^6 (positive adds
/// margin). Build it from dollars with <see cref="FromUsd"/>.
/// </summary>
public sealed class UpdateIsolatedMarginAction : IL1Action
{
    public UpdateIsolatedMarginAction(int asset, bool isBuy, long ntli)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(asset);
        Asset = asset;
        IsBuy = isBuy;
        Ntli = ntli;
    }

    /// <summary>Converts dollars to ntli (× 10^6); refuses amounts finer than a micro-dollar.</summary>
    public static UpdateIsolatedMarginAction FromUsd(int asset, decimal usd, bool isBuy = true)
    {
        var scaled = usd * 1_000_000m;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException("ntli: the amount has more than 6 decimals", nameof(usd));
        return new UpdateIsolatedMarginAction(asset, isBuy, (long)scaled);
    }

    public string Type => "updateIsolatedMargin";
    public int Asset { get; }
    public bool IsBuy { get; }
    public long Ntli { get; }

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(4);
        writer.WriteKey("type"u8);
        writer.WriteString("updateIsolatedMargin"u8);
        writer.WriteKey("asset"u8);
        writer.WriteInt64(Asset);
        writer.WriteKey("isBuy"u8);
        writer.WriteBool(IsBuy);
        writer.WriteKey("ntli"u8);
        writer.WriteInt64(Ntli);
        writer.WriteMapEnd();
    }
}
