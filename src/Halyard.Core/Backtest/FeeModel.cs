namespace Halyard.Core.Backtest;

/// <summary>
/// Maker/taker fee rates (fractions of notional, negative = rebate). Null keeps the instrument's own rate,
/// so the default model charges exactly what the instrument says.
/// </summary>
public sealed record FeeModel(decimal? MakerFee = null, decimal? TakerFee = null)
{
    public static readonly FeeModel FromInstrument = new();

    public string? Error()
    {
        if (MakerFee is < -0.01m or > 0.01m) return $"{nameof(FeeModel)}.{nameof(MakerFee)} must be between -0.01 and 0.01 (was {MakerFee})";
        if (TakerFee is < 0m or > 0.01m) return $"{nameof(FeeModel)}.{nameof(TakerFee)} must be between 0 and 0.01 (was {TakerFee})";
        return null;
    }
}
