namespace Halyard.Core.Model;

/// <summary>Identifies a strategy instance, as NAME-TAG (e.g. <c>MyStrategy-001</c>), or <see cref="External"/>.</summary>
public readonly record struct StrategyId
{
    /// <summary>Owner of orders found at the venue that no strategy of ours placed (reconciliation).</summary>
    public static readonly StrategyId External = new("EXTERNAL");

    public string Value { get; }

    public StrategyId(string value) =>
        Value = value == "EXTERNAL" ? value : IdentifierRules.CheckNameTag(value, "strategy id", "MyStrategy-001");

    /// <summary>The part after the last hyphen, used in generated client order ids.</summary>
    public string Tag => IdentifierRules.Tag(Value);

    public bool IsExternal => Value == "EXTERNAL";

    public override string ToString() => Value ?? "";
}
