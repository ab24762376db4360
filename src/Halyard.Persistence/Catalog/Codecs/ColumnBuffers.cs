using System.Runtime.InteropServices;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Scratch arrays for one row group, reused across row groups so encoding allocates nothing per row.</summary>
internal sealed class ColumnBuffers
{
    private readonly long[]?[] _longs = new long[12][];
    private readonly int[]?[] _ints = new int[12][];

    public int Capacity { get; }

    /// <summary>Pinned so the native writer can take pointers to each 16-byte value.</summary>
    public Int128[] Fixed { get; }
    public FixedLenByteArray[] FixedPointers { get; }
    public FixedLenByteArray[] ReadPointers { get; }

    public unsafe ColumnBuffers(int capacity)
    {
        Capacity = capacity;
        Fixed = GC.AllocateUninitializedArray<Int128>(capacity, pinned: true);
        FixedPointers = new FixedLenByteArray[capacity];
        ReadPointers = new FixedLenByteArray[capacity];
        fixed (Int128* first = Fixed)
        {
            for (int i = 0; i < capacity; i++) FixedPointers[i] = new FixedLenByteArray((IntPtr)(first + i));
        }
    }

    private string[]? _strings;

    public string[] Strings => _strings ??= new string[Capacity];

    public long[] Longs(int slot) => _longs[slot] ??= new long[Capacity];
    public int[] Ints(int slot) => _ints[slot] ??= new int[Capacity];

    public Span<long> LongSpan(int slot, int rows) => Longs(slot).AsSpan(0, rows);
    public Span<int> IntSpan(int slot, int rows) => Ints(slot).AsSpan(0, rows);

    public static ReadOnlySpan<long> AsLongs(ReadOnlySpan<ulong> values) => MemoryMarshal.Cast<ulong, long>(values);
}
