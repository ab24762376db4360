namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Parquet column types as NautilusTrader's Arrow schemas map to Parquet.</summary>
internal enum ColumnType
{
    /// <summary>Arrow FixedSizeBinary(16): FIXED_LEN_BYTE_ARRAY(16), no logical type, little-endian 10^16-scaled integer.</summary>
    Fixed16,
    /// <summary>Arrow UInt64: INT64 with logical type INT(64, unsigned).</summary>
    UInt64,
    /// <summary>Arrow UInt8: INT32 with logical type INT(8, unsigned).</summary>
    UInt8,
    /// <summary>Arrow UInt32: INT32 with logical type INT(32, unsigned).</summary>
    UInt32,
    /// <summary>Arrow Utf8: BYTE_ARRAY with logical type STRING.</summary>
    Utf8,
    /// <summary>Nullable Arrow UInt64.</summary>
    OptionalUInt64,
}

/// <summary>One column of a catalog schema; <paramref name="Delta"/> asks for DELTA_BINARY_PACKED (DELTA_BYTE_ARRAY for strings) instead of a dictionary.</summary>
internal readonly record struct ColumnSpec(string Name, ColumnType Type, bool Delta = false);
