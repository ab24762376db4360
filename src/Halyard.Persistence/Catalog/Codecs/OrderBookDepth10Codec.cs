using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>
/// order_book_depths: bid_price_0..9, ask_price_0..9, bid_size_0..9, ask_size_0..9 (16-byte fixed point),
/// bid_count_0..9, ask_count_0..9 (uint32), flags, sequence, ts_event, ts_init: NautilusTrader's OrderBookDepth10 schema.
/// </summary>
internal sealed class OrderBookDepth10Codec : CatalogCodec<OrderBookDepth10>
{
    public static readonly OrderBookDepth10Codec Instance = new();
    private const int L = OrderBookDepth10.Levels;

    private static readonly ColumnSpec[] Schema = BuildSchema();

    private static ColumnSpec[] BuildSchema()
    {
        var columns = new List<ColumnSpec>(6 * L + 4);
        foreach (string name in (string[])["bid_price", "ask_price", "bid_size", "ask_size"])
            for (int i = 0; i < L; i++) columns.Add(new($"{name}_{i}", ColumnType.Fixed16));
        foreach (string name in (string[])["bid_count", "ask_count"])
            for (int i = 0; i < L; i++) columns.Add(new($"{name}_{i}", ColumnType.UInt32));
        columns.Add(new("flags", ColumnType.UInt8));
        columns.Add(new("sequence", ColumnType.UInt64, Delta: true));
        columns.Add(new("ts_event", ColumnType.UInt64, Delta: true));
        columns.Add(new("ts_init", ColumnType.UInt64, Delta: true));
        return [.. columns];
    }

    public override MarketDataKind Kind => MarketDataKind.OrderBookDepth10;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in OrderBookDepth10 item) => item.InstrumentId.ToString();
    public override long TsInitOf(in OrderBookDepth10 item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<OrderBookDepth10> rows)
    {
        byte price = 0, size = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            string key = rows[r].InstrumentId.ToString();
            for (int i = 0; i < L; i++)
            {
                price = UniformPrecision(price, rows[r].Bids[i].Price.Precision, r == 0 && i == 0, "depth prices", key);
                price = UniformPrecision(price, rows[r].Asks[i].Price.Precision, false, "depth prices", key);
                size = UniformPrecision(size, rows[r].Bids[i].Size.Precision, r == 0 && i == 0, "depth sizes", key);
                size = UniformPrecision(size, rows[r].Asks[i].Size.Precision, false, "depth sizes", key);
            }
        }
        return new()
        {
            [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
            [CatalogMetadata.PricePrecision] = CatalogMetadata.Text(price),
            [CatalogMetadata.SizePrecision] = CatalogMetadata.Text(size),
        };
    }

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<OrderBookDepth10> rows, ColumnBuffers buffers)
    {
        Span<long> values = buffers.LongSpan(0, rows.Length);
        Span<int> small = buffers.IntSpan(0, rows.Length);
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) values[r] = rows[r].Bids[i].Price.Raw; ParquetColumns.WriteFixed16(rowGroup, values, buffers); }
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) values[r] = rows[r].Asks[i].Price.Raw; ParquetColumns.WriteFixed16(rowGroup, values, buffers); }
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) values[r] = rows[r].Bids[i].Size.Raw; ParquetColumns.WriteFixed16(rowGroup, values, buffers); }
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) values[r] = rows[r].Asks[i].Size.Raw; ParquetColumns.WriteFixed16(rowGroup, values, buffers); }
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) small[r] = unchecked((int)rows[r].BidCounts[i]); ParquetColumns.WriteInt32(rowGroup, small); }
        for (int i = 0; i < L; i++) { for (int r = 0; r < rows.Length; r++) small[r] = unchecked((int)rows[r].AskCounts[i]); ParquetColumns.WriteInt32(rowGroup, small); }
        for (int r = 0; r < rows.Length; r++) small[r] = (byte)rows[r].Flags;
        ParquetColumns.WriteInt32(rowGroup, small);
        for (int r = 0; r < rows.Length; r++) values[r] = unchecked((long)rows[r].Sequence);
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int r = 0; r < rows.Length; r++) values[r] = rows[r].TsEvent;
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int r = 0; r < rows.Length; r++) values[r] = rows[r].TsInit;
        ParquetColumns.WriteInt64(rowGroup, values);
    }

    public override void ReadMetadata(IReadOnlyDictionary<string, string> metadata, FileContext context)
    {
        context.Instrument = CatalogMetadata.RequireInstrument(metadata, context.Path);
        context.PricePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.PricePrecision, context.Path);
        context.SizePrecision = CatalogMetadata.RequirePrecision(metadata, CatalogMetadata.SizePrecision, context.Path);
    }

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<OrderBookDepth10> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        int[] c = context.Columns;
        byte pp = context.PricePrecision, sp = context.SizePrecision;
        // A depth row is 64 columns: read each column once and scatter it into per-row arrays.
        var bids = new BookOrder[n][];
        var asks = new BookOrder[n][];
        var bidCounts = new uint[n][];
        var askCounts = new uint[n][];
        for (int r = 0; r < n; r++)
        {
            bids[r] = new BookOrder[L];
            asks[r] = new BookOrder[L];
            bidCounts[r] = new uint[L];
            askCounts[r] = new uint[L];
        }
        Span<long> prices = buffers.LongSpan(0, n), sizes = buffers.LongSpan(1, n);
        Span<int> counts = buffers.IntSpan(0, n);
        for (int side = 0; side < 2; side++)
        {
            BookOrder[][] target = side == 0 ? bids : asks;
            OrderSide orderSide = side == 0 ? OrderSide.Buy : OrderSide.Sell;
            for (int i = 0; i < L; i++)
            {
                string priceName = Schema[side * L + i].Name, sizeName = Schema[(2 + side) * L + i].Name;
                ParquetColumns.ReadFixed16(rowGroup, c[side * L + i], priceName, path, prices, buffers);
                ParquetColumns.ReadFixed16(rowGroup, c[(2 + side) * L + i], sizeName, path, sizes, buffers);
                for (int r = 0; r < n; r++) target[r][i] = new BookOrder(orderSide, Price.FromRaw(prices[r], pp), Quantity.FromRaw(sizes[r], sp), 0);
                uint[][] countTarget = side == 0 ? bidCounts : askCounts;
                ParquetColumns.ReadInt32(rowGroup, c[(4 + side) * L + i], Schema[(4 + side) * L + i].Name, path, counts);
                for (int r = 0; r < n; r++) countTarget[r][i] = unchecked((uint)counts[r]);
            }
        }
        Span<int> flags = buffers.IntSpan(1, n);
        Span<long> sequence = buffers.LongSpan(2, n), tsEvent = buffers.LongSpan(3, n);
        ParquetColumns.ReadInt32(rowGroup, c[6 * L], "flags", path, flags);
        ParquetColumns.ReadInt64(rowGroup, c[6 * L + 1], "sequence", path, sequence);
        ParquetColumns.ReadInt64(rowGroup, c[6 * L + 2], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, c[6 * L + 3], "ts_init", path, tsInit);
        InstrumentId instrument = context.Instrument!;
        for (int r = 0; r < n; r++)
            into[r] = new OrderBookDepth10(instrument, bids[r], asks[r], bidCounts[r], askCounts[r], (RecordFlags)(byte)flags[r],
                unchecked((ulong)sequence[r]), tsEvent[r], tsInit[r]);
    }
}
