using System.Buffers.Binary;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The L1 connection id (PROTOCOL §6 steps 1–5): keccak256(msgpack(action) ‖ nonce BE ‖ vault marker
/// [‖ 0x00 ‖ expiresAfter BE]).
/// </summary>
public static class L1ActionHasher
{
    // One reusable msgpack buffer per thread keeps hashing allocation-free.
    [ThreadStatic] private static MsgPackWriter? t_writer;

    /// <summary>The calling thread's msgpack writer, reset; valid until the next call on this thread.</summary>
    internal static MsgPackWriter ThreadWriter()
    {
        var writer = t_writer ??= new MsgPackWriter();
        writer.Reset();
        return writer;
    }

    /// <summary>msgpack of a typed action (a new array; for tests and tools).</summary>
    public static byte[] MsgPack(IL1Action action)
    {
        var writer = new MsgPackWriter();
        action.WriteTo(writer);
        writer.EnsureComplete();
        return writer.WrittenSpan.ToArray();
    }

    public static Bytes32 ConnectionId(IL1Action action, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var writer = ThreadWriter();
        action.WriteTo(writer);
        writer.EnsureComplete();
        return ConnectionId(writer.WrittenSpan, nonce, vaultAddress, expiresAfter);
    }

    public static Bytes32 ConnectionId(System.Text.Json.JsonElement action, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        var writer = ThreadWriter();
        JsonMsgPackEncoder.Write(action, writer);
        return ConnectionId(writer.WrittenSpan, nonce, vaultAddress, expiresAfter);
    }

    /// <summary>Connection id from already-encoded action msgpack.</summary>
    public static Bytes32 ConnectionId(ReadOnlySpan<byte> actionMsgPack, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        Span<byte> tail = stackalloc byte[8 + 21 + 9];
        int length = WriteTail(tail, nonce, vaultAddress, expiresAfter);
        var digest = Keccak256.Digest();
        digest.BlockUpdate(actionMsgPack);
        digest.BlockUpdate(tail[..length]);
        Span<byte> hash = stackalloc byte[32];
        digest.DoFinal(hash);
        return new Bytes32(hash);
    }

    /// <summary>The full hash pre-image (msgpack ‖ tail), for diagnostics and tests.</summary>
    public static byte[] HashPreimage(ReadOnlySpan<byte> actionMsgPack, ulong nonce, string? vaultAddress = null, ulong? expiresAfter = null)
    {
        Span<byte> tail = stackalloc byte[8 + 21 + 9];
        int length = WriteTail(tail, nonce, vaultAddress, expiresAfter);
        var preimage = new byte[actionMsgPack.Length + length];
        actionMsgPack.CopyTo(preimage);
        tail[..length].CopyTo(preimage.AsSpan(actionMsgPack.Length));
        return preimage;
    }

    private static int WriteTail(Span<byte> tail, ulong nonce, string? vaultAddress, ulong? expiresAfter)
    {
        BinaryPrimitives.WriteUInt64BigEndian(tail, nonce);
        int length = 8;
        if (vaultAddress is null)
        {
            tail[length++] = 0x00;
        }
        else
        {
            tail[length++] = 0x01;
            EthereumAddress.Parse(vaultAddress, tail.Slice(length, 20), "vaultAddress");
            length += 20;
        }
        if (expiresAfter is { } expires)
        {
            tail[length++] = 0x00; // the venue's marker is 0x00 even though the field is present
            BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(length, 8), expires);
            length += 8;
        }
        return length;
    }
}
