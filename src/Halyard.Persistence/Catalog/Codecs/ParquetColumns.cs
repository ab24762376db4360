using ParquetSharp;
using ParquetSharp.Schema;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Builds, checks, writes and reads the column types of <see cref="ColumnType"/> with ParquetSharp.</summary>
internal static class ParquetColumns
{
    public static GroupNode BuildSchema(IReadOnlyList<ColumnSpec> columns)
    {
        var nodes = new Node[columns.Count];
        try
        {
            for (int i = 0; i < columns.Count; i++) nodes[i] = BuildNode(columns[i]);
            return new GroupNode("schema", Repetition.Required, nodes);
        }
        finally
        {
            foreach (Node? node in nodes) node?.Dispose();
        }
    }

    private static PrimitiveNode BuildNode(ColumnSpec column)
    {
        using LogicalType logical = column.Type switch
        {
            ColumnType.Fixed16 => LogicalType.None(),
            ColumnType.UInt64 or ColumnType.OptionalUInt64 => LogicalType.Int(64, isSigned: false),
            ColumnType.UInt8 => LogicalType.Int(8, isSigned: false),
            ColumnType.UInt32 => LogicalType.Int(32, isSigned: false),
            ColumnType.Utf8 => LogicalType.String(),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };
        Repetition repetition = column.Type == ColumnType.OptionalUInt64 ? Repetition.Optional : Repetition.Required;
        return column.Type switch
        {
            ColumnType.Fixed16 => new PrimitiveNode(column.Name, repetition, logical, PhysicalType.FixedLenByteArray, 16),
            ColumnType.UInt8 or ColumnType.UInt32 => new PrimitiveNode(column.Name, repetition, logical, PhysicalType.Int32),
            ColumnType.Utf8 => new PrimitiveNode(column.Name, repetition, logical, PhysicalType.ByteArray),
            _ => new PrimitiveNode(column.Name, repetition, logical, PhysicalType.Int64),
        };
    }

    /// <summary>Snappy, row groups of <paramref name="rowGroupSize"/>; dictionaries for prices and enums, delta encoding for timestamps and counters.</summary>
    public static WriterProperties BuildProperties(IReadOnlyList<ColumnSpec> columns, int rowGroupSize)
    {
        using var builder = new WriterPropertiesBuilder();
        // Page checksums let a reader tell a corrupt page from data (see CatalogFileOpener).
        builder.Compression(Compression.Snappy).MaxRowGroupLength(rowGroupSize).EnablePageChecksum();
        foreach (ColumnSpec column in columns)
        {
            if (!column.Delta) continue;
            // Increasing numbers (timestamps, sequences) and ids sharing prefixes shrink to a few bits as deltas.
            builder.DisableDictionary(column.Name).Encoding(column.Name, column.Type == ColumnType.Utf8 ? Encoding.DeltaByteArray : Encoding.DeltaBinaryPacked);
        }
        return builder.Build();
    }

    /// <summary>Finds each expected column by name and checks its physical and logical type; null when the file fits.</summary>
    public static string? Match(SchemaDescriptor schema, IReadOnlyList<ColumnSpec> columns, int[] indexes)
    {
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnSpec spec = columns[i];
            int index = schema.ColumnIndex(spec.Name);
            if (index < 0) return $"column '{spec.Name}' is missing";
            ColumnDescriptor descriptor = schema.Column(index);
            using LogicalType logical = descriptor.LogicalType; // kept for the unsigned check below
            string? problem = spec.Type switch
            {
                // 8 bytes is NautilusTrader's standard-precision build: a 64-bit integer scaled by 10^9, like ours.
                ColumnType.Fixed16 when descriptor.PhysicalType != PhysicalType.FixedLenByteArray || descriptor.TypeLength is not (16 or 8) =>
                    $"is {descriptor.PhysicalType}({descriptor.TypeLength}), expected FIXED_LEN_BYTE_ARRAY(16) (or 8)",
                ColumnType.UInt64 or ColumnType.OptionalUInt64 when descriptor.PhysicalType != PhysicalType.Int64 =>
                    $"is {descriptor.PhysicalType}, expected INT64 (unsigned)",
                ColumnType.UInt8 when descriptor.PhysicalType != PhysicalType.Int32 =>
                    $"is {descriptor.PhysicalType}, expected INT32 (uint8)",
                ColumnType.UInt32 when descriptor.PhysicalType != PhysicalType.Int32 =>
                    $"is {descriptor.PhysicalType}, expected INT32 (uint32)",
                ColumnType.Utf8 when descriptor.PhysicalType != PhysicalType.ByteArray =>
                    $"is {descriptor.PhysicalType}, expected BYTE_ARRAY (string)",
                ColumnType.Fixed16 or ColumnType.UInt64 or ColumnType.UInt8 or ColumnType.UInt32 when descriptor.MaxDefinitionLevel != 0 =>
                    "is nullable, expected required",
                _ => null,
            };
            if (problem is not null) return $"column '{spec.Name}' {problem}";
            indexes[i] = index;
        }
        return null;
    }

    public static void WriteFixed16(RowGroupWriter rowGroup, ReadOnlySpan<long> raws, ColumnBuffers buffers)
    {
        Span<Int128> values = buffers.Fixed.AsSpan(0, raws.Length);
        for (int i = 0; i < raws.Length; i++) values[i] = NautilusFixed.FromRaw(raws[i]);
        using var writer = (ColumnWriter<FixedLenByteArray>)rowGroup.NextColumn();
        writer.WriteBatch(buffers.FixedPointers.AsSpan(0, raws.Length));
    }

    public static void WriteInt64(RowGroupWriter rowGroup, ReadOnlySpan<long> values)
    {
        using var writer = (ColumnWriter<long>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    }

    public static void WriteInt32(RowGroupWriter rowGroup, ReadOnlySpan<int> values)
    {
        using var writer = (ColumnWriter<int>)rowGroup.NextColumn();
        writer.WriteBatch(values);
    }

    public static void WriteStrings(RowGroupWriter rowGroup, string[] values, int count)
    {
        using ColumnWriter column = rowGroup.NextColumn();
        using var writer = column.LogicalWriter<string>();
        writer.WriteBatch(values, 0, count);
    }

    public static void WriteOptionalUInt64(RowGroupWriter rowGroup, ulong?[] values, int count)
    {
        using ColumnWriter column = rowGroup.NextColumn();
        using var writer = column.LogicalWriter<ulong?>();
        writer.WriteBatch(values, 0, count);
    }

    /// <summary>Value read in place of one that does not fit our fixed point (with <c>lenient</c>): NautilusTrader's sentinels.</summary>
    public const long Unrepresentable = long.MinValue;

    public static unsafe void ReadFixed16(RowGroupReader rowGroup, int column, string name, string path, Span<long> into, ColumnBuffers buffers, bool lenient = false)
    {
        using var reader = (ColumnReader<FixedLenByteArray>)rowGroup.Column(column);
        bool standardPrecision = reader.ColumnDescriptor.TypeLength == 8;
        Span<FixedLenByteArray> pointers = buffers.ReadPointers.AsSpan(0, into.Length);
        int done = 0;
        while (done < into.Length)
        {
            reader.ReadBatch(into.Length - done, pointers, out long read);
            if (read <= 0) throw new CatalogFormatException(path, $"column '{name}' ends after {done} of {into.Length} rows");
            int count = (int)read;
            Span<long> target = into.Slice(done, count);
            ReadOnlySpan<FixedLenByteArray> values = pointers[..count];
            if (standardPrecision)
            {
                for (int i = 0; i < target.Length && i < values.Length; i++) target[i] = *(long*)values[i].Pointer;
                done += count;
                continue;
            }
            for (int i = 0; i < target.Length && i < values.Length; i++)
            {
                ulong* value = (ulong*)values[i].Pointer; // valid until the next ReadBatch
                if (!NautilusFixed.TryToRaw(value[0], value[1], out target[i]))
                {
                    if (!lenient) NautilusFixed.ToRaw(*(Int128*)value, name, path);
                    target[i] = Unrepresentable;
                }
            }
            done += count;
        }
    }

    public static void ReadInt64(RowGroupReader rowGroup, int column, string name, string path, Span<long> into)
    {
        using var reader = (ColumnReader<long>)rowGroup.Column(column);
        int done = 0;
        while (done < into.Length)
        {
            reader.ReadBatch(into.Length - done, into[done..], out long read);
            if (read <= 0) throw new CatalogFormatException(path, $"column '{name}' ends after {done} of {into.Length} rows");
            done += (int)read;
        }
    }

    public static void ReadInt32(RowGroupReader rowGroup, int column, string name, string path, Span<int> into)
    {
        using var reader = (ColumnReader<int>)rowGroup.Column(column);
        int done = 0;
        while (done < into.Length)
        {
            reader.ReadBatch(into.Length - done, into[done..], out long read);
            if (read <= 0) throw new CatalogFormatException(path, $"column '{name}' ends after {done} of {into.Length} rows");
            done += (int)read;
        }
    }

    public static string[] ReadStrings(RowGroupReader rowGroup, int column, int rows)
    {
        using ColumnReader reader = rowGroup.Column(column);
        using var logical = reader.LogicalReader<string>();
        return logical.ReadAll(rows);
    }

    public static ulong?[] ReadOptionalUInt64(RowGroupReader rowGroup, int column, int rows)
    {
        using ColumnReader reader = rowGroup.Column(column);
        using var logical = reader.LogicalReader<ulong?>();
        return logical.ReadAll(rows);
    }
}
