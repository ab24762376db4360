namespace Halyard.Core.Model;

/// <summary>A perpetual future settled in <see cref="SettlementCurrency"/>, traded on margin.</summary>
public sealed record CryptoPerpetual : Instrument
{
    public required Currency SettlementCurrency { get; init; }
    public required int MaxLeverage { get; init; }
    /// <summary>Initial margin as a fraction of notional at max leverage (1 / MaxLeverage unless the venue says otherwise).</summary>
    public decimal MarginInit { get; init; }
    /// <summary>Maintenance margin as a fraction of notional; below it a position is liquidated.</summary>
    public decimal MarginMaint { get; init; }
}
