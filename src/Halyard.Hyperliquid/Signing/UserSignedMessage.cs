using System.Text.Json;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>A user-signed action read from JSON against its schema: what its EIP-712 hash is computed from.</summary>
public sealed record UserSignedMessage(
    UserSignedActionSchema Schema, string HyperliquidChain, ulong SignatureChainId, IReadOnlyList<UserSignedValue> Values)
{
    /// <summary>The value of the schema's nonce field ("time" or "nonce").</summary>
    public ulong Nonce
    {
        get
        {
            for (int i = 1; i < Schema.Fields.Count; i++)
                if (Schema.Fields[i].Name == Schema.NonceField) return Values[i - 1].Number;
            throw new InvalidOperationException($"{Schema.WireType} has no nonce field");
        }
    }

    /// <summary>Reads and validates a user-signed action object; errors name the field at fault.</summary>
    public static UserSignedMessage Read(JsonElement action)
    {
        if (action.ValueKind != JsonValueKind.Object) throw new FormatException("action must be a JSON object");
        var type = RequireString(action, "type", "action.type");
        if (!UserSignedActionSchema.TryGet(type, out var schema))
            throw new FormatException($"action.type \"{type}\" is not a user-signed action type");
        var chain = RequireString(action, "hyperliquidChain", "action.hyperliquidChain");
        if (chain is not ("Mainnet" or "Testnet"))
            throw new FormatException($"action.hyperliquidChain must be \"Mainnet\" or \"Testnet\"; got \"{chain}\"");
        var chainId = UserSignedHasher.ParseChainId(RequireString(action, "signatureChainId", "action.signatureChainId"));

        var values = new UserSignedValue[schema.Fields.Count - 1];
        for (int i = 1; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            string path = "action." + field.Name;
            if (!action.TryGetProperty(field.Name, out var element))
            {
                // An unnamed agent is signed over "" with the key absent from the JSON.
                if (schema.OmitOnWireWhenEmpty(field.Name)) { values[i - 1] = UserSignedValue.Of(""); continue; }
                throw new FormatException($"{path} is missing");
            }
            values[i - 1] = field.Type switch
            {
                UserSignedFieldType.String => element.ValueKind == JsonValueKind.String
                    ? UserSignedValue.Of(element.GetString()!)
                    : throw new FormatException($"{path} must be a string"),
                UserSignedFieldType.Address => element.ValueKind == JsonValueKind.String && EthereumAddress.IsValid(element.GetString())
                    ? UserSignedValue.Of(element.GetString()!)
                    : throw new FormatException($"{path} must be an address: 0x followed by 40 hex digits"),
                UserSignedFieldType.Bool => element.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? UserSignedValue.Of(element.GetBoolean())
                    : throw new FormatException($"{path} must be true or false"),
                UserSignedFieldType.UInt64 => element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var number)
                    ? UserSignedValue.Of(number)
                    : throw new FormatException($"{path} must be an unsigned 64-bit integer"),
                _ => throw new FormatException($"{path} has an unknown type"),
            };
        }
        return new UserSignedMessage(schema, chain, chainId, values);
    }

    private static string RequireString(JsonElement action, string name, string path) =>
        action.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"{path} is missing or not a string");
}
