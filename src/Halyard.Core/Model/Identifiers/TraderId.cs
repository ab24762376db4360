namespace Halyard.Core.Model;

/// <summary>Identifies a trading node's trader, as NAME-TAG (e.g. <c>TRADER-001</c>).</summary>
public readonly record struct TraderId
{
    public string Value { get; }

    public TraderId(string value) => Value = IdentifierRules.CheckNameTag(value, "trader id", "TRADER-001");

    /// <summary>The part after the last hyphen, used in generated client order ids.</summary>
    public string Tag => IdentifierRules.Tag(Value);

    public override string ToString() => Value ?? "";
}
