using System.Runtime.InteropServices;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary>Files as NautilusTrader writes them (no Halyard metadata; either precision build) replay in Halyard.</summary>
public sealed class NautilusFilesTests
{
    private static readonly InstrumentId Binance = InstrumentId.Parse("BTCUSDT-PERP.BINANCE");

    /// <summary>Two quotes as NautilusTrader writes them; <paramref name="raw"/> holds bid, ask, bid size, ask size as raw integers of the build's scale.</summary>
    private static unsafe string WriteNautilusQuotes(TempCatalog temp, int width, Int128[][] raw)
    {
        string folder = Path.Combine(temp.Root, "data", "quotes", Binance.ToString());
        Directory.CreateDirectory(folder);
        long ts = SampleData.Start;
        string path = Path.Combine(folder, CatalogLayout.FileName(ts, ts + 1));
        var metadata = new Dictionary<string, string> { ["instrument_id"] = Binance.ToString(), ["price_precision"] = "2", ["size_precision"] = "3" };
        // Columns out of our order, as another writer might put them.
        string[] names = ["ts_event", "bid_price", "ask_price", "bid_size", "ask_size", "ts_init"];
        var nodes = names.Select(n => n.StartsWith("ts_", StringComparison.Ordinal)
            ? (Node)new PrimitiveNode(n, Repetition.Required, LogicalType.Int(64, false), PhysicalType.Int64)
            : new PrimitiveNode(n, Repetition.Required, LogicalType.None(), PhysicalType.FixedLenByteArray, width)).ToArray();
        using var schema = new GroupNode("schema", Repetition.Required, nodes);
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        using var writer = new ParquetFileWriter(path, schema, properties, metadata);
        using (RowGroupWriter rowGroup = writer.AppendRowGroup())
        {
            using (var tsEvent = (ColumnWriter<long>)rowGroup.NextColumn()) tsEvent.WriteBatch([ts - 5, ts - 4]);
            foreach (Int128[] column in raw)
            {
                byte[] bytes = new byte[2 * width];
                for (int i = 0; i < 2; i++)
                {
                    if (width == 16) MemoryMarshal.Write(bytes.AsSpan(i * 16), column[i]);
                    else MemoryMarshal.Write(bytes.AsSpan(i * 8), (long)column[i]);
                }
                fixed (byte* first = bytes)
                {
                    using var fixedWriter = (ColumnWriter<FixedLenByteArray>)rowGroup.NextColumn();
                    fixedWriter.WriteBatch([new FixedLenByteArray((IntPtr)first), new FixedLenByteArray((IntPtr)(first + width))]);
                }
            }
            using (var tsInit = (ColumnWriter<long>)rowGroup.NextColumn()) tsInit.WriteBatch([ts, ts + 1]);
        }
        writer.Close();
        return path;
    }

    [Theory]
    [InlineData(16)]
    [InlineData(8)]
    public void Quote_files_written_by_NautilusTrader_are_read(int width)
    {
        using var temp = new TempCatalog();
        Int128 scale = width == 16 ? 10_000_000_000_000_000L : 1_000_000_000L;
        Int128 Raw(decimal value) => (Int128)(value * 1_000_000m) * scale / 1_000_000;
        decimal[][] values = [[42_000.25m, 42_000.50m], [42_000.75m, 42_001.00m], [1.5m, 0.001m], [2m, 3.25m]];
        WriteNautilusQuotes(temp, width, values.Select(c => c.Select(Raw).ToArray()).ToArray());

        using CatalogReader reader = temp.Catalog.Open(MarketDataQuery.For(MarketDataKind.QuoteTick));
        long ts = SampleData.Start;
        reader.ReadAllObjects().ShouldBe(new object[]
        {
            new QuoteTick(Binance, Price.Parse("42000.25"), Price.Parse("42000.75"), Quantity.Parse("1.500"), Quantity.Parse("2.000"), ts - 5, ts),
            new QuoteTick(Binance, Price.Parse("42000.50"), Price.Parse("42001.00"), Quantity.Parse("0.001"), Quantity.Parse("3.250"), ts - 4, ts + 1),
        });
        reader.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_value_with_more_than_nine_decimals_is_reported_not_rounded()
    {
        using var temp = new TempCatalog();
        Int128 one = 10_000_000_000_000_000L;
        string path = WriteNautilusQuotes(temp, 16, [[one, 1], [one, one], [one, one], [one, one]]); // second bid is 10^-16
        using CatalogReader reader = temp.Catalog.Open(MarketDataQuery.For(MarketDataKind.QuoteTick));
        reader.ReadAllObjects().ShouldBeEmpty();
        reader.Problems.Single().Path.ShouldBe(path);
        reader.Problems.Single().Reason.ShouldContain("'bid_price' holds 1, which is not representable with 9 decimals");
    }
}
