using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>mark_price_update: value, ts_event, ts_init.</summary>
internal sealed class MarkPriceUpdateCodec : CatalogCodec<MarkPriceUpdate>
{
    public static readonly MarkPriceUpdateCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("value", ColumnType.Fixed16),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.MarkPriceUpdate;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in MarkPriceUpdate item) => item.InstrumentId.ToString();
    public override long TsInitOf(in MarkPriceUpdate item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<MarkPriceUpdate> rows)
    {
        byte price = 0;
        for (int i = 0; i < rows.Length; i++)
            price = UniformPrecision(price, rows[i].Value.Precision, i == 0, "mark prices", rows[i].InstrumentId.ToString());
        return new()
        {
            [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<MarkPriceUpdate> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Value.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].TsEvent;
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].TsInit;
        ParquetColumns.WriteInt64(rowGroup, values);
    }

    public override void ReadMetadata(IReadOnlyDictionary<string, string> metadata, FileContext context)
    {
        context.Instrument = CatalogMetadata.RequireInstrument(metadata, context.Path);
        context.PricePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.PricePrecision, context.Path);
    }

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<MarkPriceUpdate> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        Span<long> value = buffers.LongSpan(0, n), tsEvent = buffers.LongSpan(1, n);
        ParquetColumns.ReadFixed16(rowGroup, context.Columns[0], "value", context.Path, value, buffers);
        ParquetColumns.ReadInt64(rowGroup, context.Columns[1], "ts_event", context.Path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, context.Columns[2], "ts_init", context.Path, tsInit);
        InstrumentId instrument = context.Instrument!;
        for (int i = 0; i < n; i++)
            into[i] = new MarkPriceUpdate(instrument, Price.FromRaw(value[i], context.PricePrecision), tsEvent[i], tsInit[i]);
    }
}
