namespace Halyard.Core.Model;

/// <summary>Margin held for one instrument: <see cref="Initial"/> reserved for its open orders and
/// <see cref="Maintenance"/> held for its open position. Both count as locked balance.</summary>
public readonly record struct MarginBalance
{
    public MarginBalance(Money initial, Money maintenance, InstrumentId instrumentId)
    {
        ArgumentNullException.ThrowIfNull(instrumentId);
        if (initial.Currency != maintenance.Currency)
            throw new ArgumentException($"margin amounts must share one currency, were {initial.Currency}/{maintenance.Currency}", nameof(maintenance));
        Initial = initial;
        Maintenance = maintenance;
        InstrumentId = instrumentId;
    }

    public Money Initial { get; }
    public Money Maintenance { get; }
    public InstrumentId InstrumentId { get; }
    public Currency Currency => Initial.Currency;
}
