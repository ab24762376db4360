using System.Buffers.Binary;
using System.Text;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// msgpack exactly as Python's <c>msgpack.packb</c> writes it (PROTOCOL §6.1): caller-ordered maps, smallest
/// integer width (unsigned forms for non-negative values), str8 for 32–255 bytes, no floats. Writes into a
/// reusable buffer; <see cref="Reset"/> between actions. It also checks that every map/array receives exactly the
/// number of elements announced, so a miscounted action fails loudly instead of hashing garbage.
/// Not thread-safe: one instance per thread.
/// </summary>
public sealed class MsgPackWriter : IWireWriter
{
    private const int MaxDepth = 32;
    private byte[] _buffer;
    private int _length;
    private readonly int[] _remaining = new int[MaxDepth];
    private int _depth;

    public MsgPackWriter(int initialCapacity = 512) => _buffer = new byte[initialCapacity];

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public int Length => _length;

    public void Reset()
    {
        _length = 0;
        _depth = 0;
    }

    /// <summary>Throws if a map or array is still open (its announced count not yet reached).</summary>
    public void EnsureComplete()
    {
        if (_depth != 0)
            throw new InvalidOperationException($"msgpack: {_depth} map/array level(s) not closed");
    }

    public void WriteMapStart(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CountElement();
        if (count < 16) WriteByte((byte)(0x80 | count));
        else if (count <= ushort.MaxValue) WriteHeader16(0xde, (ushort)count);
        else WriteHeader32(0xdf, (uint)count);
        Push(checked(count * 2));
    }

    public void WriteMapEnd() => Pop("map");

    public void WriteArrayStart(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CountElement();
        if (count < 16) WriteByte((byte)(0x90 | count));
        else if (count <= ushort.MaxValue) WriteHeader16(0xdc, (ushort)count);
        else WriteHeader32(0xdd, (uint)count);
        Push(count);
    }

    public void WriteArrayEnd() => Pop("array");

    public void WriteKey(ReadOnlySpan<byte> utf8Name) => WriteString(utf8Name);

    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteStringHeader(byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    public void WriteString(ReadOnlySpan<byte> utf8Value)
    {
        WriteStringHeader(utf8Value.Length);
        utf8Value.CopyTo(Reserve(utf8Value.Length));
    }

    public void WriteBool(bool value)
    {
        CountElement();
        WriteByte(value ? (byte)0xc3 : (byte)0xc2);
    }

    public void WriteNull()
    {
        CountElement();
        WriteByte(0xc0);
    }

    public void WriteUInt64(ulong value)
    {
        CountElement();
        WriteUnsigned(value);
    }

    public void WriteInt64(long value)
    {
        CountElement();
        if (value >= 0) { WriteUnsigned((ulong)value); return; }
        if (value >= -32) { WriteByte((byte)(sbyte)value); return; }
        if (value >= sbyte.MinValue) { WriteByte(0xd0); WriteByte((byte)(sbyte)value); return; }
        if (value >= short.MinValue) { WriteHeader16(0xd1, (ushort)(short)value); return; }
        if (value >= int.MinValue) { WriteHeader32(0xd2, (uint)(int)value); return; }
        var span = Reserve(9);
        span[0] = 0xd3;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
    }

    private void WriteUnsigned(ulong value)
    {
        if (value < 128) { WriteByte((byte)value); return; }
        if (value <= byte.MaxValue) { WriteByte(0xcc); WriteByte((byte)value); return; }
        if (value <= ushort.MaxValue) { WriteHeader16(0xcd, (ushort)value); return; }
        if (value <= uint.MaxValue) { WriteHeader32(0xce, (uint)value); return; }
        var span = Reserve(9);
        span[0] = 0xcf;
        BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
    }

    private void WriteStringHeader(int byteCount)
    {
        CountElement();
        if (byteCount < 32) WriteByte((byte)(0xa0 | byteCount));
        else if (byteCount <= byte.MaxValue) { WriteByte(0xd9); WriteByte((byte)byteCount); }
        else if (byteCount <= ushort.MaxValue) WriteHeader16(0xda, (ushort)byteCount);
        else WriteHeader32(0xdb, (uint)byteCount);
    }

    private void WriteHeader16(byte marker, ushort value)
    {
        var span = Reserve(3);
        span[0] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], value);
    }

    private void WriteHeader32(byte marker, uint value)
    {
        var span = Reserve(5);
        span[0] = marker;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], value);
    }

    private void WriteByte(byte value) => Reserve(1)[0] = value;

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void CountElement()
    {
        if (_depth == 0) return;
        if (--_remaining[_depth - 1] < 0)
            throw new InvalidOperationException("msgpack: more elements written than the map/array announced");
    }

    private void Push(int elements)
    {
        if (_depth == MaxDepth) throw new InvalidOperationException($"msgpack: nesting deeper than {MaxDepth}");
        _remaining[_depth++] = elements;
    }

    private void Pop(string kind)
    {
        if (_depth == 0) throw new InvalidOperationException($"msgpack: {kind} end without a start");
        if (_remaining[_depth - 1] != 0)
            throw new InvalidOperationException($"msgpack: {kind} closed with {_remaining[_depth - 1]} element(s) missing");
        _depth--;
    }
}
