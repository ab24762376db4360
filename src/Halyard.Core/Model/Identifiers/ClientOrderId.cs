using System.Security.Cryptography;
using System.Text;

namespace Halyard.Core.Model;

/// <summary>
/// Our id for an order, chosen before it is sent. It maps one-to-one onto a 16-byte venue client id
/// ("cloid") so that a retried or reconciled order is recognised by the venue and never placed twice.
/// </summary>
/// <remarks>
/// The mapping: an id that already is a cloid (<c>0x</c> + 32 hex digits, e.g. one read back from the
/// venue during reconciliation) maps to those bytes; any other id maps to the first 16 bytes of the
/// SHA-256 of its UTF-8 text. Both are pure functions of the id, so the same order always carries the
/// same cloid across retries and restarts, and distinct ids collide only if SHA-256 does.
/// </remarks>
public readonly record struct ClientOrderId
{
    /// <summary>Bytes in a cloid.</summary>
    public const int CloidLength = 16;

    public string Value { get; }

    public ClientOrderId(string value) => Value = IdentifierRules.Check(value, "client order id");

    /// <summary>The id of an order known at the venue only by its cloid hex (reconciliation); maps back to the same cloid.</summary>
    public static ClientOrderId FromCloidHex(string cloidHex)
    {
        if (!IsCloidHex(cloidHex))
            throw new ArgumentException($"cloid '{cloidHex}' must be 0x followed by 32 hex digits", nameof(cloidHex));
        return new ClientOrderId(cloidHex.ToLowerInvariant());
    }

    /// <summary>Writes the 16-byte cloid of this id into <paramref name="destination"/>.</summary>
    public void WriteCloid(Span<byte> destination)
    {
        if (destination.Length < CloidLength) throw new ArgumentException($"needs {CloidLength} bytes", nameof(destination));
        string value = Value ?? throw new InvalidOperationException("default ClientOrderId has no cloid");
        if (IsCloidHex(value))
        {
            Convert.FromHexString(value.AsSpan(2), destination[..CloidLength], out _, out _);
            return;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        int length = Encoding.UTF8.GetByteCount(value);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, utf8);
        SHA256.HashData(utf8, hash);
        hash[..CloidLength].CopyTo(destination);
    }

    /// <summary>The 16-byte cloid of this id (see the type remarks for the mapping).</summary>
    public byte[] ToCloidBytes()
    {
        byte[] bytes = new byte[CloidLength];
        WriteCloid(bytes);
        return bytes;
    }

    /// <summary>The cloid as the venue writes it: <c>0x</c> + 32 lowercase hex digits.</summary>
    public string ToCloidHex()
    {
        Span<byte> bytes = stackalloc byte[CloidLength];
        WriteCloid(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    /// <summary>True when <paramref name="text"/> is <c>0x</c> followed by exactly 32 hex digits.</summary>
    public static bool IsCloidHex(string? text)
    {
        if (text is null || text.Length != 2 + 2 * CloidLength || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return false;
        foreach (char c in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }
        return true;
    }

    public override string ToString() => Value ?? "";
}
