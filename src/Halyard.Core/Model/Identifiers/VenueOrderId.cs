namespace Halyard.Core.Model;

/// <summary>The venue's id for an order (a modify may assign a new one).</summary>
public readonly record struct VenueOrderId
{
    public string Value { get; }

    public VenueOrderId(string value) => Value = IdentifierRules.Check(value, "venue order id");

    public override string ToString() => Value ?? "";
}
