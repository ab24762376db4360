using System.Data.Common;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary>DuckDB, an independent Parquet reader, sees the documented columns, types, metadata and values.</summary>
public sealed partial class DuckDbInteropTests
{
    private static DuckDBConnection Connect()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, DocumentedMacro());
        return connection;
    }

    /// <summary>The SQL between the duckdb-macro markers of docs/catalog.md: the test runs what the docs say.</summary>
    private static string DocumentedMacro()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Halyard.slnx"))) directory = Path.GetDirectoryName(directory);
        directory.ShouldNotBeNull("repository root (Halyard.slnx) not found above the test binaries");
        string docs = File.ReadAllText(Path.Combine(directory, "docs", "catalog.md"));
        Match match = MacroBlock().Match(docs);
        match.Success.ShouldBeTrue("docs/catalog.md has no duckdb-macro block");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"<!-- duckdb-macro:begin -->\s*```sql\s*(.*?)```\s*<!-- duckdb-macro:end -->", RegexOptions.Singleline)]
    private static partial Regex MacroBlock();

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static string Glob(string root, string folder) => Path.Combine(root, "data", folder, "*", "*.parquet").Replace('\\', '/');

    [Theory]
    [InlineData(MarketDataKind.QuoteTick, "bid_price:BLOB ask_price:BLOB bid_size:BLOB ask_size:BLOB ts_event:UBIGINT ts_init:UBIGINT")]
    [InlineData(MarketDataKind.TradeTick, "price:BLOB size:BLOB aggressor_side:UTINYINT trade_id:VARCHAR ts_event:UBIGINT ts_init:UBIGINT")]
    [InlineData(MarketDataKind.OrderBookDelta, "action:UTINYINT side:UTINYINT price:BLOB size:BLOB order_id:UBIGINT flags:UTINYINT sequence:UBIGINT ts_event:UBIGINT ts_init:UBIGINT")]
    [InlineData(MarketDataKind.Bar, "open:BLOB high:BLOB low:BLOB close:BLOB volume:BLOB ts_event:UBIGINT ts_init:UBIGINT")]
    [InlineData(MarketDataKind.MarkPriceUpdate, "value:BLOB ts_event:UBIGINT ts_init:UBIGINT")]
    [InlineData(MarketDataKind.FundingRateUpdate, "instrument_id:VARCHAR rate:VARCHAR interval:UBIGINT next_funding_ns:UBIGINT ts_event:UBIGINT ts_init:UBIGINT")]
    public void DuckDB_sees_the_documented_column_types(MarketDataKind kind, string expected)
    {
        using var temp = new TempCatalog();
        string path = CatalogSchemaTests.WriteSample(temp, kind);
        using DuckDBConnection duck = Connect();
        List<object?[]> columns = Query(duck, $"DESCRIBE SELECT * FROM read_parquet('{path}')");
        string.Join(' ', columns.Select(c => $"{c[0]}:{c[1]}")).ShouldBe(expected);
        List<object?[]> schema = Query(duck, $"SELECT name, type, type_length FROM parquet_schema('{path}') WHERE type = 'FIXED_LEN_BYTE_ARRAY'");
        schema.ShouldAllBe(c => Convert.ToInt64(c[2]) == 16);
    }

    [Fact]
    public void DuckDB_reads_row_counts_metadata_and_decoded_quote_prices_equal_to_what_was_written()
    {
        using var temp = new TempCatalog(new Halyard.Persistence.Catalog.CatalogOptions { RotationInterval = TimeSpan.FromMinutes(5), SyncOnWrite = false });
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 12_000);
        temp.Catalog.Write(quotes);
        using DuckDBConnection duck = Connect();
        string glob = Glob(temp.Root, "quote_tick");

        Convert.ToInt64(Query(duck, $"SELECT count(*) FROM read_parquet('{glob}')")[0][0]).ShouldBe(12_000);

        List<object?[]> metadata = Query(duck, $"SELECT DISTINCT decode(key), decode(value) FROM parquet_kv_metadata('{glob}') ORDER BY 1");
        metadata.Select(m => $"{m[0]}={m[1]}").ShouldBe(["halyard_schema_version=1", "instrument_id=BTC-USD-PERP.HYPERLIQUID", "price_precision=1", "size_precision=5"]);

        List<object?[]> rows = Query(duck, $"""
            SELECT nautilus_fixed(bid_price), nautilus_fixed(ask_price), nautilus_fixed(bid_size), nautilus_fixed(ask_size), ts_event, ts_init
            FROM read_parquet('{glob}') ORDER BY ts_init
            """);
        rows.Count.ShouldBe(quotes.Length);
        for (int i = 0; i < quotes.Length; i++)
        {
            QuoteTick q = quotes[i];
            ((decimal)rows[i][0]!).ShouldBe(q.BidPrice.ToDecimal());
            ((decimal)rows[i][1]!).ShouldBe(q.AskPrice.ToDecimal());
            ((decimal)rows[i][2]!).ShouldBe(q.BidSize.ToDecimal());
            ((decimal)rows[i][3]!).ShouldBe(q.AskSize.ToDecimal());
            Convert.ToInt64(rows[i][4]).ShouldBe(q.TsEvent);
            Convert.ToInt64(rows[i][5]).ShouldBe(q.TsInit);
        }
        Query(duck, $"SELECT typeof(nautilus_fixed(bid_price)) FROM read_parquet('{glob}') LIMIT 1")[0][0].ShouldBe("DECIMAL(38,9)");
    }

    [Fact]
    public void DuckDB_sees_depth_columns_and_decodes_them_equal_to_what_was_written()
    {
        using var temp = new TempCatalog();
        OrderBookDepth10[] depths = SampleData.Depths(SampleData.Btc, 200);
        temp.Catalog.Write(depths);
        using DuckDBConnection duck = Connect();
        string glob = Glob(temp.Root, "order_book_depths");
        List<object?[]> columns = Query(duck, $"DESCRIBE SELECT * FROM read_parquet('{glob}')");
        columns.Count.ShouldBe(64);
        columns.Where(c => ((string)c[0]!).StartsWith("bid_count_", StringComparison.Ordinal)).ShouldAllBe(c => (string)c[1]! == "UINTEGER");
        columns.Where(c => ((string)c[0]!).StartsWith("ask_price_", StringComparison.Ordinal)).ShouldAllBe(c => (string)c[1]! == "BLOB");

        List<object?[]> rows = Query(duck, $"SELECT nautilus_fixed(bid_price_0), nautilus_fixed(bid_size_0), bid_count_0, nautilus_fixed(ask_price_9), " +
                                           $"nautilus_fixed(bid_price_9), bid_count_9, flags, sequence, ts_init FROM read_parquet('{glob}')");
        rows.Select(r => ((decimal)r[0]!, (decimal)r[1]!, (uint)r[2]!, (decimal)r[3]!, (decimal)r[4]!, (uint)r[5]!, (byte)r[6]!, (ulong)r[7]!, (ulong)r[8]!))
            .ShouldBe(depths.Select(x => (x.Bids[0].Price.ToDecimal(), x.Bids[0].Size.ToDecimal(), x.BidCounts[0], x.Asks[9].Price.ToDecimal(),
                x.Bids[9].Price.ToDecimal(), x.BidCounts[9], (byte)x.Flags, x.Sequence, (ulong)x.TsInit)));
    }

    [Fact]
    public void DuckDB_decodes_book_deltas_trades_bars_and_funding_equal_to_what_was_written()
    {
        using var temp = new TempCatalog();
        OrderBookDelta[] deltas = SampleData.Deltas(SampleData.Eth, 500);
        TradeTick[] trades = SampleData.Trades(SampleData.Eth, 300);
        Bar[] bars = SampleData.Bars(SampleData.Eth, 100);
        FundingRateUpdate[] funding = SampleData.FundingRates(SampleData.Eth, 5);
        temp.Catalog.Write(deltas);
        temp.Catalog.Write(trades);
        temp.Catalog.Write(bars);
        temp.Catalog.Write(funding);
        using DuckDBConnection duck = Connect();

        List<object?[]> d = Query(duck, $"SELECT action, side, nautilus_fixed(price), nautilus_fixed(size), order_id, flags, sequence, ts_init FROM read_parquet('{Glob(temp.Root, "order_book_deltas")}')");
        d.Count.ShouldBe(deltas.Length);
        for (int i = 0; i < deltas.Length; i++)
        {
            OrderBookDelta x = deltas[i];
            d[i].ShouldBe(new object?[] { (byte)x.Action, (byte)x.Order.Side, x.Order.Price.ToDecimal(), x.Order.Size.ToDecimal(), x.Order.OrderId, (byte)x.Flags, x.Sequence, (ulong)x.TsInit });
        }

        List<object?[]> t = Query(duck, $"SELECT nautilus_fixed(price), nautilus_fixed(size), aggressor_side, trade_id FROM read_parquet('{Glob(temp.Root, "trade_tick")}')");
        t.Select(r => ((decimal)r[0]!, (decimal)r[1]!, (byte)r[2]!, (string)r[3]!))
            .ShouldBe(trades.Select(x => (x.Price.ToDecimal(), x.Size.ToDecimal(), (byte)x.AggressorSide, x.TradeId)));

        List<object?[]> b = Query(duck, $"SELECT nautilus_fixed(open), nautilus_fixed(close), nautilus_fixed(volume) FROM read_parquet('{Glob(temp.Root, "bar")}')");
        b.Select(r => ((decimal)r[0]!, (decimal)r[1]!, (decimal)r[2]!)).ShouldBe(bars.Select(x => (x.Open.ToDecimal(), x.Close.ToDecimal(), x.Volume.ToDecimal())));

        List<object?[]> f = Query(duck, $"SELECT rate::DECIMAL(38,18), next_funding_ns FROM read_parquet('{Glob(temp.Root, "funding_rate_update")}')");
        f.Select(r => ((decimal)r[0]!, r[1] is null ? (long?)null : Convert.ToInt64(r[1]))).ShouldBe(funding.Select(x => (x.Rate, x.NextFundingNs)));
    }

    [Fact]
    public void The_documented_macro_decodes_negative_and_large_values()
    {
        using DuckDBConnection duck = Connect();
        // -1.5 × 10^16 and 9,000,000,000 × 10^16 as 16 little-endian bytes.
        string Blob(Int128 value)
        {
            var bytes = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(bytes, value);
            return "'" + string.Concat(bytes.Select(x => $"\\x{x:X2}")) + "'::BLOB";
        }
        Int128 scale = (Int128)10_000_000_000_000_000L;
        Query(duck, $"SELECT nautilus_fixed({Blob(-15 * scale / 10)}), nautilus_fixed({Blob(9_000_000_000L * scale)})")[0]
            .ShouldBe(new object?[] { -1.5m, 9_000_000_000m });
    }
}
