using Halyard.Hyperliquid.Parsing;

namespace Halyard.Hyperliquid;

/// <summary>How instruments are loaded: fees applied, whether spot is included, how often to refresh.</summary>
public sealed record HyperliquidInstrumentConfig
{
    public InstrumentFees Fees { get; init; } = InstrumentFees.PerpBase;
    public bool LoadSpot { get; init; }
    /// <summary>Zero turns scheduled refresh off.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(15);

    public void Validate()
    {
        if (Fees is null) throw new HyperliquidConfigException(nameof(Fees), null, "is required");
        if (Fees.MakerFee is < -0.01m or > 0.01m) throw new HyperliquidConfigException($"{nameof(Fees)}.{nameof(Fees.MakerFee)}", Fees.MakerFee, "must be between -0.01 and 0.01 (a fraction, 0.00015 = 0.015 %)");
        if (Fees.TakerFee is < 0m or > 0.01m) throw new HyperliquidConfigException($"{nameof(Fees)}.{nameof(Fees.TakerFee)}", Fees.TakerFee, "must be between 0 and 0.01 (a fraction, 0.00045 = 0.045 %)");
        if (RefreshInterval < TimeSpan.Zero) throw new HyperliquidConfigException(nameof(RefreshInterval), RefreshInterval, "must not be negative");
        if (RefreshInterval > TimeSpan.Zero && RefreshInterval < TimeSpan.FromSeconds(10))
            throw new HyperliquidConfigException(nameof(RefreshInterval), RefreshInterval, "must be at least 10 s (meta costs 20 of the 1200 weight per minute)");
    }
}
