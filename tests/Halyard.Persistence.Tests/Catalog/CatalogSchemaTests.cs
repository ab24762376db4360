using Halyard.Core.Data;
using Halyard.Persistence.Catalog;
using ParquetSharp;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary>
/// Pins every file schema to NautilusTrader's Arrow schemas as they land in Parquet
/// (FixedSizeBinary(16) → FIXED_LEN_BYTE_ARRAY(16), UInt64 → INT64 INT(64,unsigned), UInt8 → INT32 INT(8,unsigned), Utf8 → BYTE_ARRAY STRING).
/// </summary>
public sealed class CatalogSchemaTests
{
    private const string Fixed = "FixedLenByteArray(16) NONE required";
    private const string U64 = "Int64 INT(64,unsigned) required";
    private const string U8 = "Int32 INT(8,unsigned) required";
    private const string U32 = "Int32 INT(32,unsigned) required";

    /// <summary>OrderBookDepth10: each of six groups for levels 0..9, then flags, sequence and the timestamps.</summary>
    private static string[] DepthColumns() =>
    [
        .. ((string, string)[])[("bid_price", Fixed), ("ask_price", Fixed), ("bid_size", Fixed), ("ask_size", Fixed), ("bid_count", U32), ("ask_count", U32)]
            is var groups ? groups.SelectMany(g => Enumerable.Range(0, 10).Select(i => $"{g.Item1}_{i} {g.Item2}")) : [],
        $"flags {U8}", $"sequence {U64}", $"ts_event {U64}", $"ts_init {U64}",
    ];

    public static TheoryData<MarketDataKind, string[], string[]> Schemas => new()
    {
        { MarketDataKind.QuoteTick,
            [$"bid_price {Fixed}", $"ask_price {Fixed}", $"bid_size {Fixed}", $"ask_size {Fixed}", $"ts_event {U64}", $"ts_init {U64}"],
            ["halyard_schema_version", "instrument_id", "price_precision", "size_precision"] },
        { MarketDataKind.TradeTick,
            [$"price {Fixed}", $"size {Fixed}", $"aggressor_side {U8}", "trade_id ByteArray STRING required", $"ts_event {U64}", $"ts_init {U64}"],
            ["halyard_schema_version", "instrument_id", "price_precision", "size_precision"] },
        { MarketDataKind.OrderBookDelta,
            [$"action {U8}", $"side {U8}", $"price {Fixed}", $"size {Fixed}", $"order_id {U64}", $"flags {U8}", $"sequence {U64}", $"ts_event {U64}", $"ts_init {U64}"],
            ["halyard_schema_version", "instrument_id", "price_precision", "size_precision"] },
        { MarketDataKind.Bar,
            [$"open {Fixed}", $"high {Fixed}", $"low {Fixed}", $"close {Fixed}", $"volume {Fixed}", $"ts_event {U64}", $"ts_init {U64}"],
            ["bar_type", "halyard_schema_version", "price_precision", "size_precision"] },
        { MarketDataKind.MarkPriceUpdate,
            [$"value {Fixed}", $"ts_event {U64}", $"ts_init {U64}"],
            ["halyard_schema_version", "instrument_id", "price_precision"] },
        { MarketDataKind.FundingRateUpdate,
            ["instrument_id ByteArray STRING required", "rate ByteArray STRING required", "interval Int64 INT(64,unsigned) optional",
             "next_funding_ns Int64 INT(64,unsigned) optional", $"ts_event {U64}", $"ts_init {U64}"],
            ["halyard_schema_version", "instrument_id", "type"] },
        { MarketDataKind.OrderBookDepth10, DepthColumns(), ["halyard_schema_version", "instrument_id", "price_precision", "size_precision"] },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Each_kind_is_written_with_the_nautilus_columns_types_and_metadata_keys(MarketDataKind kind, string[] columns, string[] metadataKeys)
    {
        using var temp = new TempCatalog();
        string path = WriteSample(temp, kind);
        path.ShouldContain($"{Path.DirectorySeparatorChar}data{Path.DirectorySeparatorChar}{CatalogLayout.FolderOf(kind)}{Path.DirectorySeparatorChar}");
        using var reader = new ParquetFileReader(path);
        FileMetaData metadata = reader.FileMetaData;
        SchemaDescriptor schema = metadata.Schema;
        Enumerable.Range(0, schema.NumColumns).Select(i => Describe(schema.Column(i))).ShouldBe(columns);
        metadata.KeyValueMetadata.Keys.Order(StringComparer.Ordinal).ShouldBe(metadataKeys);
        metadata.KeyValueMetadata["halyard_schema_version"].ShouldBe("1");
        using RowGroupReader rowGroup = reader.RowGroup(0);
        rowGroup.MetaData.GetColumnChunkMetaData(0).Compression.ShouldBe(Compression.Snappy);
    }

    internal static string WriteSample(TempCatalog temp, MarketDataKind kind)
    {
        IReadOnlyList<CatalogFile> files = kind switch
        {
            MarketDataKind.QuoteTick => temp.Catalog.Write(SampleData.Quotes(SampleData.Btc, 100)),
            MarketDataKind.TradeTick => temp.Catalog.Write(SampleData.Trades(SampleData.Btc, 100)),
            MarketDataKind.OrderBookDelta => temp.Catalog.Write(SampleData.Deltas(SampleData.Btc, 30)),
            MarketDataKind.Bar => temp.Catalog.Write(SampleData.Bars(SampleData.Btc, 30)),
            MarketDataKind.MarkPriceUpdate => temp.Catalog.Write(SampleData.MarkPrices(SampleData.Btc, 30)),
            MarketDataKind.FundingRateUpdate => temp.Catalog.Write(SampleData.FundingRates(SampleData.Btc, 1)),
            MarketDataKind.OrderBookDepth10 => temp.Catalog.Write(SampleData.Depths(SampleData.Btc, 30)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return files.Single().Path;
    }

    private static string Describe(ColumnDescriptor column)
    {
        using LogicalType logical = column.LogicalType;
        string logicalText = logical switch
        {
            IntLogicalType i => $"INT({i.BitWidth},{(i.IsSigned ? "signed" : "unsigned")})",
            StringLogicalType => "STRING",
            NoneLogicalType => "NONE",
            _ => logical.Type.ToString(),
        };
        string length = column.PhysicalType == PhysicalType.FixedLenByteArray ? $"({column.TypeLength})" : "";
        return $"{column.Name} {column.PhysicalType}{length} {logicalText} {(column.MaxDefinitionLevel == 0 ? "required" : "optional")}";
    }
}
