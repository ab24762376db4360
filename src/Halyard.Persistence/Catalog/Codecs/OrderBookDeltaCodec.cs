using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>order_book_deltas: action, side, price, size, order_id, flags, sequence, ts_event, ts_init.</summary>
internal sealed class OrderBookDeltaCodec : CatalogCodec<OrderBookDelta>
{
    public static readonly OrderBookDeltaCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("action", ColumnType.UInt8),
        new("side", ColumnType.UInt8),
        new("price", ColumnType.Fixed16),
        new("size", ColumnType.Fixed16),
        new("order_id", ColumnType.UInt64, Delta: true),
        new("flags", ColumnType.UInt8),
        new("sequence", ColumnType.UInt64, Delta: true),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.OrderBookDelta;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in OrderBookDelta item) => item.InstrumentId.ToString();
    public override long TsInitOf(in OrderBookDelta item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<OrderBookDelta> rows)
    {
        // A clear carries no price or size, so its precision says nothing (as in NautilusTrader).
        byte price = 0, size = 0;
        bool first = true;
        foreach (ref readonly OrderBookDelta delta in rows)
        {
            if (delta.Action == BookAction.Clear) continue;
            string key = delta.InstrumentId.ToString();
            price = UniformPrecision(price, delta.Order.Price.Precision, first, "book prices", key);
            size = UniformPrecision(size, delta.Order.Size.Precision, first, "book sizes", key);
            first = false;
        }
        return new()
        {
            [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
            [CatalogMetadata.SizePrecision] = CatalogMetadata.Text(size),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<OrderBookDelta> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        Span<int> small = buffers.IntSpan(0, rows.Length);
        for (int i = 0; i < rows.Length; i++) small[i] = (byte)rows[i].Action;
        ParquetColumns.WriteInt32(rowGroup, small);
        for (int i = 0; i < rows.Length; i++) small[i] = (byte)rows[i].Order.Side;
        ParquetColumns.WriteInt32(rowGroup, small);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Order.Price.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = rows[i].Order.Size.Raw;
        ParquetColumns.WriteFixed16(rowGroup, values, buffers);
        for (int i = 0; i < rows.Length; i++) values[i] = unchecked((long)rows[i].Order.OrderId);
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int i = 0; i < rows.Length; i++) small[i] = (byte)rows[i].Flags;
        ParquetColumns.WriteInt32(rowGroup, small);
        for (int i = 0; i < rows.Length; i++) values[i] = unchecked((long)rows[i].Sequence);
        ParquetColumns.WriteInt64(rowGroup, values);
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

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<OrderBookDelta> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        int[] c = context.Columns;
        Span<int> action = buffers.IntSpan(0, n), side = buffers.IntSpan(1, n), flags = buffers.IntSpan(2, n);
        Span<long> price = buffers.LongSpan(0, n), size = buffers.LongSpan(1, n), orderId = buffers.LongSpan(2, n);
        Span<long> sequence = buffers.LongSpan(3, n), tsEvent = buffers.LongSpan(4, n);
        ParquetColumns.ReadInt32(rowGroup, c[0], "action", path, action);
        ParquetColumns.ReadInt32(rowGroup, c[1], "side", path, side);
        ParquetColumns.ReadFixed16(rowGroup, c[2], "price", path, price, buffers, lenient: true);
        ParquetColumns.ReadFixed16(rowGroup, c[3], "size", path, size, buffers, lenient: true);
        ParquetColumns.ReadInt64(rowGroup, c[4], "order_id", path, orderId);
        ParquetColumns.ReadInt32(rowGroup, c[5], "flags", path, flags);
        ParquetColumns.ReadInt64(rowGroup, c[6], "sequence", path, sequence);
        ParquetColumns.ReadInt64(rowGroup, c[7], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, c[8], "ts_init", path, tsInit);
        InstrumentId instrument = context.Instrument!;
        byte pp = context.PricePrecision, sp = context.SizePrecision;
        for (int i = 0; i < n; i++)
        {
            if ((uint)(action[i] - 1) > 3) throw new CatalogFormatException(path, $"column 'action' holds {action[i]}, expected 1..4");
            if ((uint)side[i] > 2) throw new CatalogFormatException(path, $"column 'side' holds {side[i]}, expected 0..2");
            var bookAction = (BookAction)action[i];
            if (bookAction != BookAction.Clear && (price[i] == ParquetColumns.Unrepresentable || size[i] == ParquetColumns.Unrepresentable))
                throw new CatalogFormatException(path, $"row {i}: price or size is not representable with {FixedPoint.Scale} decimals in 64 bits");
            // NautilusTrader writes sentinels into a clear's price and size; a clear has neither.
            BookOrder order = bookAction == BookAction.Clear
                ? default
                : new BookOrder((OrderSide)side[i], Price.FromRaw(price[i], pp), Quantity.FromRaw(size[i], sp), unchecked((ulong)orderId[i]));
            into[i] = new OrderBookDelta(instrument, bookAction, order, (RecordFlags)(byte)flags[i], unchecked((ulong)sequence[i]), tsEvent[i], tsInit[i]);
        }
    }
}
