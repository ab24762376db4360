using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>trade_tick: price, size, aggressor_side (uint8), trade_id (string), ts_event, ts_init.</summary>
internal sealed class TradeTickCodec : CatalogCodec<TradeTick>
{
    public static readonly TradeTickCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("price", ColumnType.Fixed16),
        new("size", ColumnType.Fixed16),
        new("aggressor_side", ColumnType.UInt8),
        new("trade_id", ColumnType.Utf8, Delta: true),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.TradeTick;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in TradeTick item) => item.InstrumentId.ToString();
    public override long TsInitOf(in TradeTick item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<TradeTick> rows)
    {
        byte price = 0, size = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            string key = rows[i].InstrumentId.ToString();
            price = UniformPrecision(price, rows[i].Price.Precision, i == 0, "trade prices", key);
            size = UniformPrecision(size, rows[i].Size.Precision, i == 0, "trade sizes", key);
        }
        return new()
        {
            [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
            [CatalogMetadata.SizePrecision] = CatalogMetadata.Text(size),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<TradeTick> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        Span<int> small = buffers.IntSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Price.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Size.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) small[i] = (byte)rows[i].AggressorSide;
        ParquetColumns.WriteInt32(rowGroup, small);
        string[] ids = buffers.Strings;
        for (int i = 0; i < rows.Length; i++) ids[i] = rows[i].TradeId ?? throw new ArgumentException("a trade has no trade id", nameof(rows));
        ParquetColumns.WriteStrings(rowGroup, ids, rows.Length);
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

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<TradeTick> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        int[] c = context.Columns;
        Span<long> price = buffers.LongSpan(0, n), size = buffers.LongSpan(1, n), tsEvent = buffers.LongSpan(2, n);
        Span<int> side = buffers.IntSpan(0, n);
        ParquetColumns.ReadFixed16(rowGroup, c[0], "price", path, price, buffers);
        ParquetColumns.ReadFixed16(rowGroup, c[1], "size", path, size, buffers);
        ParquetColumns.ReadInt32(rowGroup, c[2], "aggressor_side", path, side);
        string[] ids = ParquetColumns.ReadStrings(rowGroup, c[3], n);
        ParquetColumns.ReadInt64(rowGroup, c[4], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, c[5], "ts_init", path, tsInit);
        if (ids.Length != n) throw new CatalogFormatException(path, $"column 'trade_id' has {ids.Length} of {n} rows");
        InstrumentId instrument = context.Instrument!;
        byte pp = context.PricePrecision, sp = context.SizePrecision;
        for (int i = 0; i < n; i++)
        {
            if ((uint)side[i] > 2) throw new CatalogFormatException(path, $"column 'aggressor_side' holds {side[i]}, expected 0..2");
            into[i] = new TradeTick(instrument, Price.FromRaw(price[i], pp), Quantity.FromRaw(size[i], sp),
                (AggressorSide)side[i], ids[i], tsEvent[i], tsInit[i]);
        }
    }
}
