using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Cli.Commands;

/// <summary>Signs one case of the signing-vector format and writes {r, s, v, signer[, connectionId]}.</summary>
internal static class HlSignCase
{
    public static void SignAndWrite(JsonElement item, string path, Utf8JsonWriter json)
    {
        string At(string field) => path.Length == 0 ? field : $"{path}.{field}";
        if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{(path.Length == 0 ? "input" : path)} must be a JSON object");
        if (!item.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{At("action")} is missing or not an object");
        ulong nonce = item.TryGetProperty("nonce", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetUInt64(out var nv)
            ? nv
            : throw new FormatException($"{At("nonce")} must be an unsigned integer");
        bool isMainnet = item.TryGetProperty("is_mainnet", out var m) && m.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? m.GetBoolean()
            : throw new FormatException($"{At("is_mainnet")} must be true or false");
        var key = ReadKey(item, At("private_key"));
        string? kind = item.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        bool userSigned = kind is not null
            ? kind == "user_signed"
            : action.TryGetProperty("type", out var t) && UserSignedActionSchema.TryGet(t.GetString(), out _);
        var signer = new HyperliquidSigner(key, isMainnet);

        json.WriteStartObject();
        if (userSigned)
        {
            var message = UserSignedMessage.Read(action);
            if (message.Nonce != nonce)
                throw new FormatException($"{At("nonce")} ({nonce}) must equal action.{message.Schema.NonceField} ({message.Nonce})");
            WriteSignature(json, signer.SignUserAction(action));
        }
        else
        {
            string? vault = OptionalString(item, "vault_address", At("vault_address"));
            ulong? expiresAfter = item.TryGetProperty("expires_after", out var e) && e.ValueKind != JsonValueKind.Null
                ? (e.TryGetUInt64(out var ev) ? ev : throw new FormatException($"{At("expires_after")} must be an unsigned integer or null"))
                : null;
            var signed = signer.SignL1(action, nonce, vault, expiresAfter);
            WriteSignature(json, signed.Signature);
            json.WriteString("connectionId", signed.ConnectionId.ToString());
        }
        json.WriteString("signer", key.Address);
        json.WriteEndObject();
    }

    private static void WriteSignature(Utf8JsonWriter json, EcdsaSignature signature)
    {
        json.WriteString("r", signature.RHex);
        json.WriteString("s", signature.SHex);
        json.WriteNumber("v", signature.V);
    }

    private static PrivateKey ReadKey(JsonElement item, string path)
    {
        var text = OptionalString(item, "private_key", path);
        return text is null ? PrivateKey.FromEnvironment() : PrivateKey.FromHex(text);
    }

    private static string? OptionalString(JsonElement item, string name, string path) =>
        !item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"{path} must be a string or null");
}
