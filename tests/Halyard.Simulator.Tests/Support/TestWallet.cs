using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Simulator.Tests.Support;

/// <summary>A freshly generated key that signs exchange requests exactly as our Hyperliquid client does.</summary>
internal sealed class TestWallet
{
    private static long s_lastNonce;

    private TestWallet(PrivateKey key, bool isMainnet)
    {
        Signer = new HyperliquidSigner(key, isMainnet);
    }

    public HyperliquidSigner Signer { get; }

    public string Address => Signer.Address;

    public static TestWallet Create(bool isMainnet = false)
    {
        Span<byte> secret = stackalloc byte[32];
        RandomNumberGenerator.Fill(secret);
        secret[0] &= 0x7f; // stays below the curve order
        return new TestWallet(PrivateKey.FromBytes(secret), isMainnet);
    }

    /// <summary>Unique, increasing millisecond nonces across every wallet of the test run.</summary>
    public static ulong NextNonce()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        while (true)
        {
            long last = Interlocked.Read(ref s_lastNonce);
            long next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref s_lastNonce, next, last) == last) return (ulong)next;
        }
    }

    /// <summary>The /exchange body of a typed L1 action signed with this key.</summary>
    public string Sign(IL1Action action, ulong? nonce = null, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        ulong n = nonce ?? NextNonce();
        var signed = Signer.SignL1(action, n, vaultAddress, expiresAfter);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            ExchangeRequestJson.WriteL1(json, action, n, signed.Signature, vaultAddress, expiresAfter);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The /exchange body of an action given as JSON text (to send fields our typed actions refuse to build).</summary>
    public string SignRaw(string actionJson, ulong? nonce = null, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        ulong n = nonce ?? NextNonce();
        using var document = JsonDocument.Parse(actionJson);
        var signature = Signer.SignL1(document.RootElement, n, vaultAddress, expiresAfter).Signature;
        string vault = vaultAddress is null ? "null" : $"\"{vaultAddress}\"";
        string expires = expiresAfter is null ? "" : $",\"expiresAfter\":{expiresAfter}";
        return $"{{\"action\":{actionJson},\"nonce\":{n},\"signature\":{{\"r\":\"{signature.RHex}\",\"s\":\"{signature.SHex}\",\"v\":{signature.V}}},\"vaultAddress\":{vault}{expires}}}";
    }

    /// <summary>The /exchange body of a user-signed action (approveAgent, usdSend…).</summary>
    public string SignUser(IUserSignedAction action)
    {
        var signature = Signer.SignUserAction(action);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            ExchangeRequestJson.WriteUserSigned(json, action, Signer.IsMainnet, signature);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A GTC/IOC/ALO limit order wire.</summary>
    public static OrderAction Limit(int asset, bool isBuy, string px, string sz, TimeInForce tif = TimeInForce.Gtc, bool reduceOnly = false, Cloid? cloid = null) =>
        new(new OrderWire(asset, isBuy, px, sz, reduceOnly, OrderTypeWire.Limit(tif), cloid));
}
