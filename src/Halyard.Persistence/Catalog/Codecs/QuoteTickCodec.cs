using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>quote_tick: bid_price, ask_price, bid_size, ask_size, ts_event, ts_init.</summary>
internal sealed class QuoteTickCodec : CatalogCodec<QuoteTick>
{
    public static readonly QuoteTickCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("bid_price", ColumnType.Fixed16),
        new("ask_price", ColumnType.Fixed16),
        new("bid_size", ColumnType.Fixed16),
        new("ask_size", ColumnType.Fixed16),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.QuoteTick;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in QuoteTick item) => item.InstrumentId.ToString();
    public override long TsInitOf(in QuoteTick item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<QuoteTick> rows)
    {
        byte price = 0, size = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            string key = rows[i].InstrumentId.ToString();
            price = UniformPrecision(price, rows[i].BidPrice.Precision, i == 0, "quote prices", key);
            price = UniformPrecision(price, rows[i].AskPrice.Precision, false, "quote prices", key);
            size = UniformPrecision(size, rows[i].BidSize.Precision, i == 0, "quote sizes", key);
            size = UniformPrecision(size, rows[i].AskSize.Precision, false, "quote sizes", key);
        }
        return new()
        {
            [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
            [CatalogMetadata.SizePrecision] = CatalogMetadata.Text(size),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<QuoteTick> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].BidPrice.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].AskPrice.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].BidSize.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].AskSize.Raw;
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
        context.SizePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.SizePrecision, context.Path);
    }

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<QuoteTick> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        int[] c = context.Columns;
        Span<long> bid = buffers.LongSpan(0, n), ask = buffers.LongSpan(1, n), bidSize = buffers.LongSpan(2, n), askSize = buffers.LongSpan(3, n);
        Span<long> tsEvent = buffers.LongSpan(4, n);
        ParquetColumns.ReadFixed16(rowGroup, c[0], "bid_price", path, bid, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[1], "ask_price", path, ask, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[2], "bid_size", path, bidSize, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[3], "ask_size", path, askSize, buffers);
        ParquetColumns.ReadInt64(rowGroup, c[4], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, c[5], "ts_init", path, tsInit);
        InstrumentId instrument = context.Instrument!;
        byte pp = context.PricePrecision, sp = context.SizePrecision;
        for (int i = 0; i < n; i++)
        {
            into[i] = new QuoteTick(instrument, Price.FromRaw(bid[i], pp), Price.FromRaw(ask[i], pp),
                Quantity.FromRaw(bidSize[i], sp), Quantity.FromRaw(askSize[i], sp), tsEvent[i], tsInit[i]);
        }
    }
}
