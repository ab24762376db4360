using Halyard.Simulator.Json;
using System.Buffers;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Http;

/// <summary>
/// Executes POST /exchange envelopes (and WS action posts): checks the envelope, recovers the signer from the
/// action as received (L1: msgpack in received key order + nonce + vault + expiresAfter; user-signed: EIP-712),
/// maps agents to their master, enforces nonces, then runs the action on the exchange. Every answer is the
/// exchange's shape: <c>{"status":"ok","response":…}</c> or <c>{"status":"err","response":"…"}</c>.
/// </summary>
internal sealed partial class ActionService
{
    private static readonly HashSet<string> UserSignedTypes =
        ["usdSend", "withdraw3", "usdClassTransfer", "approveAgent", "spotSend", "approveBuilderFee", "sendAsset"];

    private readonly SimulatedExchange _exchange;
    private readonly FaultInjector _faults;
    private readonly SimulatorMetrics _metrics;
    private readonly SimulatorOptions _options;

    public ActionService(SimulatedExchange exchange, FaultInjector faults, SimulatorMetrics metrics, SimulatorOptions options)
    {
        _exchange = exchange;
        _faults = faults;
        _metrics = metrics;
        _options = options;
    }

    public void Execute(JsonElement envelope, IBufferWriter<byte> output)
    {
        using var w = new Utf8JsonWriter(output, Halyard.Simulator.Json.JsonOut.Options);
        if (Run(envelope, w) is { } error) WriteError(w, error);
        w.Flush();
    }

    /// <summary>Runs the request; returns a whole-request error (nothing written yet) or null once the answer is written.</summary>
    private string? Run(JsonElement envelope, Utf8JsonWriter w)
    {
        if (envelope.ValueKind != JsonValueKind.Object) return "Invalid request: the body must be a JSON object";
        if (!envelope.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return "Invalid request: missing field `action` (an object)";
        if (!action.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            return "Invalid request: missing field `action.type`";
        string type = typeElement.GetString()!;
        if (!envelope.TryGetProperty("nonce", out var nonceElement) || !nonceElement.IsUInt64(out ulong nonce))
            return "Invalid request: field `nonce` must be an unsigned integer (milliseconds)";
        if (!envelope.TryGetProperty("signature", out var signatureElement))
            return "Invalid request: missing field `signature`";
        EcdsaSignature signature;
        try
        {
            signature = EcdsaSignature.Parse(signatureElement);
        }
        catch (FormatException e)
        {
            return "Invalid request: " + e.Message;
        }
        string? vault = null;
        if (envelope.TryGetProperty("vaultAddress", out var vaultElement) && vaultElement.ValueKind != JsonValueKind.Null)
        {
            vault = AddressText.Normalize(vaultElement.ValueKind == JsonValueKind.String ? vaultElement.GetString() : null);
            if (vault is null) return "Invalid request: field `vaultAddress` must be null or an address (0x + 40 hex digits)";
        }
        ulong? expiresAfter = null;
        if (envelope.TryGetProperty("expiresAfter", out var expiresElement) && expiresElement.ValueKind != JsonValueKind.Null)
        {
            if (!expiresElement.IsUInt64(out ulong expires)) return "Invalid request: field `expiresAfter` must be null or an unsigned integer (milliseconds)";
            expiresAfter = expires;
        }

        bool userSigned = UserSignedTypes.Contains(type);
        if (userSigned && (vault is not null || expiresAfter is not null))
            return $"Invalid request: {type} is user-signed and takes neither vaultAddress nor expiresAfter";

        // The expensive part, outside the lock: many requests recover their signers in parallel.
        string? signer;
        try
        {
            if (userSigned)
            {
                var message = UserSignedMessage.Read(action);
                if (message.HyperliquidChain != (_options.IsMainnet ? "Mainnet" : "Testnet"))
                    return $"Invalid request: action.hyperliquidChain is {message.HyperliquidChain} but this exchange is {(_options.IsMainnet ? "Mainnet" : "Testnet")}";
                if (message.Nonce != nonce) return $"Invalid request: nonce {nonce} differs from the action's own {message.Schema.NonceField} {message.Nonce}";
                signer = SignatureVerifier.RecoverUserSigner(action, signature);
            }
            else
            {
                signer = SignatureVerifier.RecoverL1Signer(action, nonce, vault, expiresAfter, _options.IsMainnet, signature);
            }
        }
        catch (FormatException e)
        {
            return "Invalid request: " + e.Message;
        }
        if (signer is null) return "Invalid signature: r, s and v do not form a valid secp256k1 signature";

        // Parse the payload before taking the lock; payload-determined problems reject the whole batch.
        var command = Parse(type, action, out string? parseError);
        if (command is null) return parseError ?? "Invalid request: action could not be parsed";
        _metrics.OrdersReceived(command.OrderCount);

        lock (_exchange.Gate)
        {
            long now = _exchange.NowMs();
            if (expiresAfter is { } expiry && (long)expiry < now)
                return $"Action expired: expiresAfter {expiry} is before the current time {now}";
            string? account = userSigned
                ? (_exchange.IsFunded(signer) ? signer : null)
                : _exchange.AccountOfSigner(signer);
            if (account is null) return $"User or API Wallet {signer} does not exist.";
            if (vault is not null)
            {
                if (!_exchange.MayActFor(account, vault)) return $"Vault or sub-account {vault} is not controlled by {account}.";
                account = vault;
            }
            if (_exchange.Nonces.TryUse(signer, nonce, (ulong)now) is { } nonceError) return nonceError;
            _exchange.CountRequests(account, Math.Max(1, command.OrderCount));
            string? error = command.Run(this, account, w);
            _exchange.Flush();
            return error;
        }
    }

    private static void WriteError(Utf8JsonWriter w, string error)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "err");
        w.WriteString("response"u8, error);
        w.WriteEndObject();
    }

    private static void WriteDefault(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("status"u8, "ok");
        w.WriteStartObject("response"u8);
        w.WriteString("type"u8, "default");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
