using System.Text.Json;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// The POST /exchange body (PROTOCOL §4): <c>{"action","nonce","signature","vaultAddress"[,"expiresAfter"]}</c>. The
/// action is written by the same code that produced the hashed msgpack, so body and signature cannot disagree.
/// </summary>
public static class ExchangeRequestJson
{
    /// <summary>Body of a signed L1 action; <c>expiresAfter</c> is omitted when null.</summary>
    public static void WriteL1(Utf8JsonWriter json, IL1Action action, ulong nonce, EcdsaSignature signature,
        string? vaultAddress = null, ulong? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        json.WriteStartObject();
        json.WritePropertyName("action"u8);
        action.WriteTo(new JsonWireWriter(json));
        WriteTail(json, nonce, signature, vaultAddress?.ToLowerInvariant(), expiresAfter);
    }

    /// <summary>Body of a signed user action: vaultAddress null, no expiresAfter, nonce = the action's nonce.</summary>
    public static void WriteUserSigned(Utf8JsonWriter json, IUserSignedAction action, bool isMainnet, EcdsaSignature signature,
        ulong signatureChainId = Eip712.DefaultSignatureChainId)
    {
        ArgumentNullException.ThrowIfNull(action);
        json.WriteStartObject();
        json.WritePropertyName("action"u8);
        UserSignedActionJson.Write(json, action, isMainnet, signatureChainId);
        WriteTail(json, action.Nonce, signature, null, null);
    }

    private static void WriteTail(Utf8JsonWriter json, ulong nonce, EcdsaSignature signature, string? vaultAddress, ulong? expiresAfter)
    {
        json.WriteNumber("nonce"u8, nonce);
        json.WritePropertyName("signature"u8);
        signature.WriteJson(json);
        if (vaultAddress is null) json.WriteNull("vaultAddress"u8);
        else json.WriteString("vaultAddress"u8, vaultAddress);
        if (expiresAfter is { } expires) json.WriteNumber("expiresAfter"u8, expires);
        json.WriteEndObject();
    }
}
