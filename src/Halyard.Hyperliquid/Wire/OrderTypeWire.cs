namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// The <c>t</c> field of an order: <c>{"limit":{"tif":…}}</c> or
/// <c>{"trigger":{"isMarket":…,"triggerPx":…,"tpsl":…}}</c> (keys in that order).
/// </summary>
public sealed record OrderTypeWire
{
    private OrderTypeWire(TimeInForce? tif, bool isMarket, string? triggerPx, TpSl tpsl)
    {
        Tif = tif;
        IsMarket = isMarket;
        TriggerPx = triggerPx;
        TpSl = tpsl;
    }

    /// <summary>Set for limit orders; null for triggers.</summary>
    public TimeInForce? Tif { get; }

    /// <summary>Trigger orders: execute as market (true) or place a limit at the order price (false).</summary>
    public bool IsMarket { get; }

    /// <summary>Trigger price wire string; null for limit orders.</summary>
    public string? TriggerPx { get; }

    public TpSl TpSl { get; }

    public bool IsTrigger => TriggerPx is not null;

    public static OrderTypeWire Limit(TimeInForce tif) => new(tif, false, null, default);

    /// <summary>A trigger; <paramref name="triggerPx"/> must be a canonical wire number (see <see cref="WireNumber"/>).</summary>
    public static OrderTypeWire Trigger(bool isMarket, string triggerPx, TpSl tpsl)
    {
        WireNumber.RequireCanonical(triggerPx, "triggerPx");
        return new(null, isMarket, triggerPx, tpsl);
    }

    public static OrderTypeWire Gtc { get; } = Limit(TimeInForce.Gtc);
    public static OrderTypeWire Ioc { get; } = Limit(TimeInForce.Ioc);
    public static OrderTypeWire Alo { get; } = Limit(TimeInForce.Alo);

    internal void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(1);
        if (Tif is { } tif)
        {
            writer.WriteKey("limit"u8);
            writer.WriteMapStart(1);
            writer.WriteKey("tif"u8);
            writer.WriteString(tif switch
            {
                TimeInForce.Gtc => "Gtc"u8,
                TimeInForce.Ioc => "Ioc"u8,
                TimeInForce.Alo => "Alo"u8,
                _ => throw new ArgumentOutOfRangeException(nameof(Tif), tif, "unknown time in force"),
            });
            writer.WriteMapEnd();
        }
        else
        {
            writer.WriteKey("trigger"u8);
            writer.WriteMapStart(3);
            writer.WriteKey("isMarket"u8);
            writer.WriteBool(IsMarket);
            writer.WriteKey("triggerPx"u8);
            writer.WriteString(TriggerPx!);
            writer.WriteKey("tpsl"u8);
            writer.WriteString(TpSl == TpSl.TakeProfit ? "tp"u8 : "sl"u8);
            writer.WriteMapEnd();
        }
        writer.WriteMapEnd();
    }
}
