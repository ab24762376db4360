namespace Halyard.Core.Model;

/// <summary>A trading venue, by its upper-case name (e.g. HYPERLIQUID).</summary>
public readonly record struct Venue
{
    public string Name { get; }

    public Venue(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("venue name is empty", nameof(name));
        Name = name.ToUpperInvariant();
    }

    public override string ToString() => Name;
}
