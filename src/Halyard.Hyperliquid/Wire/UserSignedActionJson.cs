using System.Text.Json;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>Writes a user-signed action's JSON from the same schema and values its EIP-712 hash uses.</summary>
public static class UserSignedActionJson
{
    /// <summary>
    /// <c>{"type","signatureChainId","hyperliquidChain", fields…}</c>; an empty agentName of approveAgent is omitted.
    /// </summary>
    public static void Write(Utf8JsonWriter json, IUserSignedAction action, bool isMainnet, ulong signatureChainId = Eip712.DefaultSignatureChainId)
    {
        ArgumentNullException.ThrowIfNull(action);
        var schema = action.Schema;
        var values = action.Values;
        json.WriteStartObject();
        json.WriteString("type"u8, schema.WireType);
        json.WriteString("signatureChainId"u8, UserSignedHasher.FormatChainId(signatureChainId));
        json.WriteString("hyperliquidChain"u8, UserSignedHasher.ChainName(isMainnet));
        for (int i = 1; i < schema.Fields.Count; i++)
        {
            var field = schema.Fields[i];
            var value = values[i - 1];
            if (schema.OmitOnWireWhenEmpty(field.Name) && string.IsNullOrEmpty(value.Text)) continue;
            json.WritePropertyName(field.Name);
            switch (field.Type)
            {
                case UserSignedFieldType.String:
                case UserSignedFieldType.Address:
                    json.WriteStringValue(value.Text);
                    break;
                case UserSignedFieldType.Bool:
                    json.WriteBooleanValue(value.Flag);
                    break;
                case UserSignedFieldType.UInt64:
                    json.WriteNumberValue(value.Number);
                    break;
            }
        }
        json.WriteEndObject();
    }
}
