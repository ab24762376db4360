namespace Halyard.Core.Model;

/// <summary>
/// Identifies an instrument as <c>SYMBOL.VENUE</c>, e.g. <c>BTC-USD-PERP.HYPERLIQUID</c>.
/// The short form <c>BTC-USD-PERP</c> is accepted where a default venue is known.
/// </summary>
public sealed class InstrumentId : IEquatable<InstrumentId>
{
    /// <summary>The venue assumed for short-form ids.</summary>
    public const string DefaultVenueName = "HYPERLIQUID";

    private readonly string _value;
    private readonly int _hash;

    public string Symbol { get; }
    public Venue Venue { get; }

    public InstrumentId(string symbol, Venue venue)
    {
        if (string.IsNullOrWhiteSpace(symbol)) throw new ArgumentException("instrument symbol is empty", nameof(symbol));
        if (symbol.Contains('.')) throw new ArgumentException($"instrument symbol '{symbol}' must not contain '.'", nameof(symbol));
        Symbol = symbol.ToUpperInvariant();
        Venue = venue;
        _value = $"{Symbol}.{venue.Name}";
        _hash = StringComparer.Ordinal.GetHashCode(_value);
    }

    /// <summary>Parses <c>SYMBOL.VENUE</c> or the short form <c>SYMBOL</c> (venue <see cref="DefaultVenueName"/>).</summary>
    public static InstrumentId Parse(string text, string defaultVenue = DefaultVenueName)
    {
        if (!TryParse(text, out InstrumentId? id, out string? error, defaultVenue)) throw new FormatException(error);
        return id;
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InstrumentId? id,
        out string? error, string defaultVenue = DefaultVenueName)
    {
        id = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) { error = "instrument id is empty"; return false; }
        int dot = text.LastIndexOf('.');
        string symbol = dot < 0 ? text : text[..dot];
        string venue = dot < 0 ? defaultVenue : text[(dot + 1)..];
        if (symbol.Length == 0 || venue.Length == 0 || symbol.Contains('.'))
        {
            error = $"invalid instrument id '{text}': expected SYMBOL.VENUE (e.g. BTC-USD-PERP.HYPERLIQUID) or SYMBOL";
            return false;
        }
        id = new InstrumentId(symbol, new Venue(venue));
        error = null;
        return true;
    }

    /// <summary>Id of a perpetual quoted in USD: <c>{COIN}-USD-PERP.{VENUE}</c>.</summary>
    public static InstrumentId Perpetual(string coin, string venue = DefaultVenueName) => new($"{coin}-USD-PERP", new Venue(venue));

    public bool Equals(InstrumentId? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && string.Equals(_value, other._value)));

    public override bool Equals(object? obj) => Equals(obj as InstrumentId);
    public override int GetHashCode() => _hash;
    public override string ToString() => _value;

    public static bool operator ==(InstrumentId? a, InstrumentId? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(InstrumentId? a, InstrumentId? b) => !(a == b);
}
