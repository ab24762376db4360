using System.Text.Json;

namespace Halyard.Hyperliquid.Signing;

/// <summary>An Ethereum-style recoverable signature: r, s (32 bytes each) and v = 27 + recovery id.</summary>
public readonly struct EcdsaSignature : IEquatable<EcdsaSignature>
{
    public EcdsaSignature(Bytes32 r, Bytes32 s, int v)
    {
        if (v is not (27 or 28)) throw new ArgumentOutOfRangeException(nameof(v), v, "v must be 27 or 28");
        R = r;
        S = s;
        V = v;
    }

    public Bytes32 R { get; }
    public Bytes32 S { get; }

    /// <summary>27 or 28.</summary>
    public int V { get; }

    /// <summary>"0x" + 64 hex digits, zero padded (what we send as <c>signature.r</c>).</summary>
    public string RHex => R.ToString();

    /// <summary>"0x" + 64 hex digits, zero padded (what we send as <c>signature.s</c>).</summary>
    public string SHex => S.ToString();

    internal int RecoveryId => V - 27;

    /// <summary>
    /// Parses r/s hex (with or without leading zero padding, as the Python SDK sends them) and v (27/28, or 0/1).
    /// Errors name the field.
    /// </summary>
    public static EcdsaSignature Parse(string? r, string? s, int v)
    {
        Span<byte> rBytes = stackalloc byte[32];
        Span<byte> sBytes = stackalloc byte[32];
        if (r is null || !HexCodec.TryDecodeLeftPadded(r, rBytes)) throw new FormatException("signature.r must be 0x + up to 64 hex digits");
        if (s is null || !HexCodec.TryDecodeLeftPadded(s, sBytes)) throw new FormatException("signature.s must be 0x + up to 64 hex digits");
        if (v is 0 or 1) v += 27;
        if (v is not (27 or 28)) throw new FormatException($"signature.v must be 27 or 28; got {v}");
        return new EcdsaSignature(new Bytes32(rBytes), new Bytes32(sBytes), v);
    }

    /// <summary>Parses a <c>{"r","s","v"}</c> object.</summary>
    public static EcdsaSignature Parse(JsonElement signature)
    {
        if (signature.ValueKind != JsonValueKind.Object) throw new FormatException("signature must be an object {r, s, v}");
        string? r = signature.TryGetProperty("r", out var re) && re.ValueKind == JsonValueKind.String ? re.GetString() : null;
        string? s = signature.TryGetProperty("s", out var se) && se.ValueKind == JsonValueKind.String ? se.GetString() : null;
        if (!signature.TryGetProperty("v", out var ve) || ve.ValueKind != JsonValueKind.Number || !ve.TryGetInt32(out int v))
            throw new FormatException("signature.v must be the number 27 or 28");
        return Parse(r, s, v);
    }

    /// <summary>Writes r ‖ s (64 bytes).</summary>
    public void CopyCompactTo(Span<byte> destination64)
    {
        R.CopyTo(destination64[..32]);
        S.CopyTo(destination64[32..64]);
    }

    /// <summary>Writes <c>{"r":"0x…","s":"0x…","v":27}</c> without allocating.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        Span<char> hex = stackalloc char[66];
        json.WriteStartObject();
        R.FormatHex(hex);
        json.WriteString("r"u8, hex);
        S.FormatHex(hex);
        json.WriteString("s"u8, hex);
        json.WriteNumber("v"u8, V);
        json.WriteEndObject();
    }

    public bool Equals(EcdsaSignature other) => R == other.R && S == other.S && V == other.V;
    public override bool Equals(object? obj) => obj is EcdsaSignature other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(R, S, V);
    public static bool operator ==(EcdsaSignature left, EcdsaSignature right) => left.Equals(right);
    public static bool operator !=(EcdsaSignature left, EcdsaSignature right) => !left.Equals(right);

    public override string ToString() => $"{{r={RHex}, s={SHex}, v={V}}}";
}
