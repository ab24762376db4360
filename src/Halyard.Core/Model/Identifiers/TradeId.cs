namespace Halyard.Core.Model;

/// <summary>The venue's id for one execution (fill); the key that makes a repeated fill report recognisable.</summary>
public readonly record struct TradeId
{
    public string Value { get; }

    public TradeId(string value) => Value = IdentifierRules.Check(value, "trade id");

    public override string ToString() => Value ?? "";
}
