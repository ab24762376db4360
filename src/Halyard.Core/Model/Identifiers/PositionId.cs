namespace Halyard.Core.Model;

/// <summary>Identifies a position. Positions net per instrument per strategy, see <see cref="Netting"/>.</summary>
public readonly record struct PositionId
{
    public string Value { get; }

    public PositionId(string value) => Value = IdentifierRules.Check(value, "position id", maxLength: 256);

    /// <summary>The id of the netted position of <paramref name="strategyId"/> in <paramref name="instrumentId"/>:
    /// <c>{instrument}-{strategy}</c>, e.g. <c>BTC-USD-PERP.HYPERLIQUID-MyStrategy-001</c>.</summary>
    public static PositionId Netting(InstrumentId instrumentId, StrategyId strategyId) => new($"{instrumentId}-{strategyId}");

    public override string ToString() => Value ?? "";
}
