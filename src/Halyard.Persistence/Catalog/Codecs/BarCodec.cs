using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>bar: open, high, low, close, volume, ts_event, ts_init; <c>bar_type</c> in the metadata.</summary>
internal sealed class BarCodec : CatalogCodec<Bar>
{
    public static readonly BarCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("open", ColumnType.Fixed16),
        new("high", ColumnType.Fixed16),
        new("low", ColumnType.Fixed16),
        new("close", ColumnType.Fixed16),
        new("volume", ColumnType.Fixed16),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.Bar;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in Bar item) => item.BarType.ToString();
    public override long TsInitOf(in Bar item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<Bar> rows)
    {
        byte price = 0, size = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            ref readonly Bar bar = ref rows[i];
            string key = bar.BarType.ToString();
            price = UniformPrecision(price, bar.Open.Precision, i == 0, "bar prices", key);
            price = UniformPrecision(price, bar.High.Precision, false, "bar prices", key);
            price = UniformPrecision(price, bar.Low.Precision, false, "bar prices", key);
            price = UniformPrecision(price, bar.Close.Precision, false, "bar prices", key);
            size = UniformPrecision(size, bar.Volume.Precision, i == 0, "bar volumes", key);
        }
        return new()
        {
            [CatalogMetadata.BarType] = rows[0].BarType.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
            [CatalogMetadata.SizePrecision] = CatalogMetadata.Text(size),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<Bar> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Open.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].High.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Low.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Close.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Volume.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].TsEvent;
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].TsInit;
        ParquetColumns.WriteInt64(rowGroup, values);
    }

    public override void ReadMetadata(IReadOnlyDictionary<string, string> metadata, FileContext context)
    {
        string text = CatalogMetadata.Require(metadata, CatalogMetadata.BarType, context.Path);
        try
        {
            context.BarType = BarType.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CatalogFormatException(context.Path, $"key-value metadata '{CatalogMetadata.BarType}': {e.Message}", inner: e);
        }
        context.Instrument = context.BarType.InstrumentId;
        context.PricePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.PricePrecision, context.Path);
        context.SizePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.SizePrecision, context.Path);
    }

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<Bar> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        int[] c = context.Columns;
        Span<long> open = buffers.LongSpan(0, n), high = buffers.LongSpan(1, n), low = buffers.LongSpan(2, n), close = buffers.LongSpan(3, n);
        Span<long> volume = buffers.LongSpan(4, n), tsEvent = buffers.LongSpan(5, n);
        ParquetColumns.ReadFixed16(rowGroup, c[0], "open", path, open, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[1], "high", path, high, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[2], "low", path, low, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[3], "close", path, close, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[4], "volume", path, volume, buffers);
        ParquetColumns.ReadInt64(rowGroup, c[5], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, c[6], "ts_init", path, tsInit);
        BarType barType = context.BarType!;
        byte pp = context.PricePrecision, sp = context.SizePrecision;
        for (int i = 0; i < n; i++)
        {
            into[i] = new Bar(barType, Price.FromRaw(open[i], pp), Price.FromRaw(high[i], pp), Price.FromRaw(low[i], pp),
                Price.FromRaw(close[i], pp), Quantity.FromRaw(volume[i], sp), tsEvent[i], tsInit[i]);
        }
    }
}
