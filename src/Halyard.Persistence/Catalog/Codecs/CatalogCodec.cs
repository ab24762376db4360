using Halyard.Core.Data;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Maps one model type to its NautilusTrader-compatible Parquet schema, both ways.</summary>
internal abstract class CatalogCodec<T>
{
    public abstract MarketDataKind Kind { get; }
    public abstract IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>The folder under the type folder: the instrument id, or the bar type for bars.</summary>
    public abstract string KeyOf(in T item);
    public abstract long TsInitOf(in T item);

    /// <summary>The file's key-value metadata; fails when the rows disagree on precision.</summary>
    public abstract Dictionary<string, string> Metadata(ReadOnlySpan<T> rows);

    /// <summary>Writes the columns in <see cref="Columns"/> order.</summary>
    public abstract void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<T> rows, ColumnBuffers buffers);

    /// <summary>Parses the metadata into <paramref name="context"/>; throws <see cref="CatalogFormatException"/>.</summary>
    public abstract void ReadMetadata(IReadOnlyDictionary<string, string> metadata, FileContext context);

    /// <summary>Decodes one row group into <paramref name="into"/> and its ts_init column into <paramref name="tsInit"/> (for the merge).</summary>
    public abstract void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<T> into, Span<long> tsInit, ColumnBuffers buffers);

    protected static byte UniformPrecision(byte current, byte next, bool first, string what, string key) =>
        first || current == next
            ? next
            : throw new ArgumentException($"{what} of {key} mix precisions {current} and {next}; one file holds one precision", what);
}
