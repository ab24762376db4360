using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>EIP-712 hashing of user-signed actions (PROTOCOL §7), from typed actions or received JSON.</summary>
public static class UserSignedHasher
{
    /// <summary>"Mainnet" or "Testnet": the field that selects the network of a user-signed action.</summary>
    public static string ChainName(bool isMainnet) => isMainnet ? "Mainnet" : "Testnet";

    /// <summary>Parses "0x66eee"-style hex chain ids; the error names signatureChainId.</summary>
    public static ulong ParseChainId(string? hex)
    {
        if (hex is null || !hex.StartsWith("0x", StringComparison.Ordinal) || hex.Length is < 3 or > 18
            || !ulong.TryParse(hex.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var chainId))
            throw new FormatException("signatureChainId must be a 0x-prefixed hex number such as \"0x66eee\"");
        return chainId;
    }

    public static string FormatChainId(ulong chainId) => "0x" + chainId.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>hashStruct of the action: keccak256(typeHash ‖ encodeData(hyperliquidChain, fields…)).</summary>
    public static Bytes32 StructHash(UserSignedActionSchema schema, string hyperliquidChain, IReadOnlyList<UserSignedValue> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (values.Count != schema.Fields.Count - 1)
            throw new ArgumentException($"{schema.WireType} takes {schema.Fields.Count - 1} values; got {values.Count}", nameof(values));
        var encoded = new byte[32 * (schema.Fields.Count + 1)];
        schema.TypeHash.CopyTo(encoded);
        for (int i = 0; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var value = i == 0 ? UserSignedValue.Of(hyperliquidChain) : values[i - 1];
            EncodeField(field, value, encoded.AsSpan(32 * (i + 1), 32));
        }
        return Keccak256.Hash(encoded);
    }

    /// <summary>The digest a typed action is signed over.</summary>
    public static Bytes32 Digest(IUserSignedAction action, bool isMainnet, ulong signatureChainId = Eip712.DefaultSignatureChainId)
    {
        ArgumentNullException.ThrowIfNull(action);
        var structHash = StructHash(action.Schema, ChainName(isMainnet), action.Values);
        return Eip712.Digest(Eip712.UserSignedDomainSeparator(signatureChainId), structHash);
    }

    /// <summary>
    /// The digest of a received action JSON: schema from <c>type</c>, network from <c>hyperliquidChain</c>, domain from
    /// <c>signatureChainId</c>. Errors name the missing or malformed field.
    /// </summary>
    public static Bytes32 Digest(JsonElement action)
    {
        var message = UserSignedMessage.Read(action);
        var structHash = StructHash(message.Schema, message.HyperliquidChain, message.Values);
        return Eip712.Digest(Eip712.UserSignedDomainSeparator(message.SignatureChainId), structHash);
    }

    private static void EncodeField(UserSignedField field, UserSignedValue value, Span<byte> word)
    {
        word.Clear();
        switch (field.Type)
        {
            case UserSignedFieldType.String:
                Keccak256.Hash(Encoding.UTF8.GetBytes(value.Text ?? throw new ArgumentException($"{field.Name} must be a string")), word);
                break;
            case UserSignedFieldType.Address:
                EthereumAddress.Parse(value.Text, word[12..], field.Name);
                break;
            case UserSignedFieldType.Bool:
                word[31] = value.Flag ? (byte)1 : (byte)0;
                break;
            case UserSignedFieldType.UInt64:
                BinaryPrimitives.WriteUInt64BigEndian(word[24..], value.Number);
                break;
        }
    }
}
