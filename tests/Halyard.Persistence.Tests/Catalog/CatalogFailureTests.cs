using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Persistence.Catalog;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Halyard.Persistence.Tests.Catalog;

public sealed class CatalogFailureTests
{
    private static readonly MarketDataQuery Quotes = MarketDataQuery.For(MarketDataKind.QuoteTick);

    /// <summary>Three hourly files of quotes; returns them and the paths.</summary>
    private static (QuoteTick[] Quotes, string[] Files) ThreeFiles(TempCatalog temp)
    {
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 3 * 3_600, stepNs: 1_000_000_000);
        temp.Catalog.Write(quotes);
        string[] files = temp.ParquetFiles();
        files.Length.ShouldBe(3);
        return (quotes, files);
    }

    [Fact]
    public void A_writer_failing_mid_file_leaves_neither_a_partial_parquet_nor_a_temporary_file()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 20_000);
        temp.Catalog.Write(quotes[..5_000]);
        int rowGroups = 0;
        temp.Catalog.AfterRowGroup = _ => { if (++rowGroups == 2) throw new IOException("disk unplugged"); };
        Should.Throw<IOException>(() => temp.Catalog.Write(quotes[5_000..]));
        temp.ParquetFiles().Length.ShouldBe(1);
        Directory.EnumerateFiles(temp.Root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        using CatalogReader reader = temp.Catalog.Open(Quotes);
        reader.ReadAllObjects().ShouldBe(quotes[..5_000].Cast<object>().ToList());
    }

    [Fact]
    public void A_writer_killed_mid_flush_leaves_a_temporary_file_that_readers_ignore()
    {
        using var temp = new TempCatalog();
        QuoteTick[] quotes = SampleData.Quotes(SampleData.Btc, 20_000);
        temp.Catalog.Write(quotes[..5_000]);
        string? partialCopy = null;
        string? temporary = null;
        temp.Catalog.AfterRowGroup = path =>
        {
            // What a killed process leaves: the temporary file as far as it got, and no rename.
            temporary = path;
            partialCopy = path + ".kill";
            using (var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)) using (var copy = File.Create(partialCopy)) source.CopyTo(copy);
            throw new OperationCanceledException("killed");
        };
        Should.Throw<OperationCanceledException>(() => temp.Catalog.Write(quotes[5_000..]));
        temp.Catalog.AfterRowGroup = null;
        File.Move(partialCopy!, temporary!);

        temp.ParquetFiles().Length.ShouldBe(1);
        using (CatalogReader reader = temp.Catalog.Open(Quotes))
        {
            reader.ReadAllObjects().ShouldBe(quotes[..5_000].Cast<object>().ToList());
            reader.Problems.ShouldBeEmpty();
        }
        temp.Catalog.List().Single().TemporaryFiles.ShouldBe(1);

        // The restarted writer rewrites the same interval over the leftover.
        temp.Catalog.Write(quotes[5_000..]);
        Directory.EnumerateFiles(temp.Root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        using CatalogReader after = temp.Catalog.Open(Quotes);
        after.ReadAllObjects().ShouldBe(quotes.Cast<object>().ToList());
    }

    [Fact]
    public void A_truncated_file_is_skipped_and_reported_with_its_path()
    {
        using var temp = new TempCatalog();
        (QuoteTick[] quotes, string[] files) = ThreeFiles(temp);
        Truncate(files[1], keep: 0.6);
        using CatalogReader reader = temp.Catalog.Open(Quotes);
        reader.ReadAllObjects().ShouldBe(quotes[..3_600].Concat(quotes[7_200..]).Cast<object>().ToList());
        reader.Problems.Single().Path.ShouldBe(files[1]);
        temp.Catalog.List().Single().BadFiles.ShouldBe(1);
    }

    [Fact]
    public void A_truncated_file_is_refused_when_so_configured()
    {
        using var temp = new TempCatalog();
        (_, string[] files) = ThreeFiles(temp);
        Truncate(files[2], keep: 0.5);
        var strict = new ParquetDataCatalog(temp.Root, new CatalogOptions { BadFiles = BadFilePolicy.Refuse });
        Should.Throw<CatalogFormatException>(() => strict.Open(Quotes)).Path.ShouldBe(files[2]);
    }

    [Fact]
    public void A_corrupt_data_page_is_detected_not_read_as_data()
    {
        using var temp = new TempCatalog();
        (QuoteTick[] quotes, string[] files) = ThreeFiles(temp);
        byte[] bytes = File.ReadAllBytes(files[0]);
        for (int i = 200; i < 260; i++) bytes[i] ^= 0x5A; // inside the first column chunk
        File.WriteAllBytes(files[0], bytes);

        using (CatalogReader reader = temp.Catalog.Open(Quotes))
        {
            List<object> read = reader.ReadAllObjects();
            read.ShouldBe(quotes[3_600..].Cast<object>().ToList());
            reader.Problems.Single().Path.ShouldBe(files[0]);
        }
        var strict = new ParquetDataCatalog(temp.Root, new CatalogOptions { BadFiles = BadFilePolicy.Refuse });
        using CatalogReader strictReader = strict.Open(Quotes);
        Should.Throw<CatalogFormatException>(() => strictReader.ReadAllObjects()).Path.ShouldBe(files[0]);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_skipped_and_reported()
    {
        using var temp = new TempCatalog();
        (QuoteTick[] quotes, string[] files) = ThreeFiles(temp);
        File.WriteAllText(files[1], "definitely not parquet");
        using CatalogReader reader = temp.Catalog.Open(Quotes);
        reader.ReadAllObjects().Count.ShouldBe(quotes.Length - 3_600);
        reader.Problems.Single().Reason.ShouldContain("not a readable Parquet file");
    }

    [Fact]
    public void A_foreign_parquet_file_is_reported_naming_the_missing_column()
    {
        using var temp = new TempCatalog();
        (_, string[] files) = ThreeFiles(temp);
        WriteParquet(files[0], new Dictionary<string, string> { ["instrument_id"] = "BTC-USD-PERP.HYPERLIQUID" }, "price");
        using CatalogReader reader = temp.Catalog.Open(Quotes);
        reader.ReadAllObjects().Count.ShouldBe(7_200);
        reader.Problems.Single().ShouldBe(new CatalogFileProblem(files[0], "not a quote_tick file: column 'bid_price' is missing"));
    }

    [Fact]
    public void A_file_of_a_newer_schema_version_is_refused_even_when_bad_files_are_skipped()
    {
        using var temp = new TempCatalog();
        (_, string[] files) = ThreeFiles(temp);
        var metadata = new Dictionary<string, string>
        {
            ["instrument_id"] = "BTC-USD-PERP.HYPERLIQUID", ["price_precision"] = "1", ["size_precision"] = "5", ["halyard_schema_version"] = "2",
        };
        WriteParquet(files[2], metadata, "bid_price", "ask_price", "bid_size", "ask_size");
        var refused = Should.Throw<CatalogFormatException>(() => temp.Catalog.Open(Quotes));
        refused.IsNewerSchema.ShouldBeTrue();
        refused.Path.ShouldBe(files[2]);
        refused.Message.ShouldContain("schema version 2");
    }

    private static void Truncate(string path, double keep)
    {
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
    }

    /// <summary>A valid Parquet file with FIXED_LEN_BYTE_ARRAY(16) columns of the given names and nothing else.</summary>
    private static void WriteParquet(string path, Dictionary<string, string> metadata, params string[] columns)
    {
        var nodes = columns.Select(c => (Node)new PrimitiveNode(c, Repetition.Required, LogicalType.None(), PhysicalType.FixedLenByteArray, 16)).ToArray();
        using var schema = new GroupNode("schema", Repetition.Required, nodes);
        using var properties = new WriterPropertiesBuilder().Build();
        using var writer = new ParquetFileWriter(path, schema, properties, metadata);
        writer.Close();
    }
}
