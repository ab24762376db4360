using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Benchmarks.Hyperliquid;

/// <summary>
/// Issue 3 target: a 20-level-per-side l2Book WS frame parsed in ≤ 6 µs median with no per-level allocation.
/// Compares the hot-path reader with the source-generated DTO path.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Percentiles))]
public class MarketFrameReaderBenchmarks
{
    private sealed class Percentiles : BenchmarkDotNet.Configs.ManualConfig
    {
        public Percentiles() => AddColumn(new P99Column());
    }

    private byte[] _book = [];
    private byte[] _prettyBook = [];
    private byte[] _bbo = [];
    private byte[] _trades = [];
    private readonly BookSnapshotBuffer _bookBuffer = new();
    private readonly BboBuffer _bboBuffer = new();
    private readonly TradeBuffer _tradeBuffer = new();

    [GlobalSetup]
    public void Setup()
    {
        _book = Encoding.UTF8.GetBytes(BuildBook(levelsPerSide: 20));
        using (var doc = System.Text.Json.JsonDocument.Parse(_book))
            _prettyBook = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(doc.RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        _bbo = """{"channel":"bbo","data":{"coin":"BTC","time":1754450975512,"bbo":[{"px":"113377.0","sz":"7.6699","n":17},{"px":"113378.0","sz":"0.11543","n":3}]}}"""u8.ToArray();
        var trades = new StringBuilder("""{"channel":"trades","data":[""");
        for (int i = 0; i < 10; i++)
        {
            if (i > 0) trades.Append(',');
            trades.Append(CultureInfo.InvariantCulture, $$"""{"coin":"BTC","side":"{{(i % 2 == 0 ? "B" : "A")}}","px":"{{113377 + i}}.0","sz":"0.0{{i + 1}}25","time":1754450975012,"hash":"0x3e8b0f8a7c1d1e2f3a4b5c6d7e8f90112233445566778899aabbccddeeff0011","tid":{{511269201834921 + i}},"users":["0x1111111111111111111111111111111111111111","0x2222222222222222222222222222222222222222"]}""");
        }
        _trades = Encoding.UTF8.GetBytes(trades.Append("]}").ToString());
        if (!MarketFrameReader.TryParseL2Book(_book, _bookBuffer, out var error) || _bookBuffer.BidCount != 20 || _bookBuffer.AskCount != 20)
            throw new InvalidOperationException($"benchmark frame does not parse: {error}");
    }

    internal static string BuildBook(int levelsPerSide)
    {
        var json = new StringBuilder("""{"channel":"l2Book","data":{"coin":"BTC","time":1754450974231,"levels":[[""");
        for (int i = 0; i < levelsPerSide; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(CultureInfo.InvariantCulture, $$"""{"px":"{{113377 - i}}.0","sz":"{{i + 1}}.{{(i * 7919) % 100000:D5}}","n":{{i % 9 + 1}}}""");
        }
        json.Append("],[");
        for (int i = 0; i < levelsPerSide; i++)
        {
            if (i > 0) json.Append(',');
            json.Append(CultureInfo.InvariantCulture, $$"""{"px":"{{113378 + i}}.0","sz":"0.{{(i * 104729) % 100000:D5}}","n":{{i % 5 + 1}}}""");
        }
        return json.Append("]]}}").ToString();
    }

    [Benchmark(Baseline = true, Description = "l2Book 20x20 hot path")]
    public int L2BookHotPath()
    {
        MarketFrameReader.TryParseL2Book(_book, _bookBuffer, out _);
        return _bookBuffer.BidCount;
    }

    [Benchmark(Description = "l2Book 20x20 general reader (indented JSON)")]
    public int L2BookGeneralReader()
    {
        MarketFrameReader.TryParseL2Book(_prettyBook, _bookBuffer, out _);
        return _bookBuffer.BidCount;
    }

    [Benchmark(Description = "l2Book 20x20 channel + hot path")]
    public int L2BookWithRouting()
    {
        WsFrame.TryRead(_book, out var channel, out _);
        MarketFrameReader.TryParseL2Book(_book, _bookBuffer, out _);
        return (int)channel + _bookBuffer.AskCount;
    }

    [Benchmark(Description = "l2Book 20x20 source-generated DTO")]
    public int L2BookDto() => WireJson.ParsePushData(_book, HyperliquidJsonContext.Default.WsPushL2BookSnapshot).Value.Bids.Count;

    [Benchmark(Description = "bbo hot path")]
    public bool Bbo()
    {
        MarketFrameReader.TryParseBbo(_bbo, _bboBuffer, out _);
        return _bboBuffer.HasAsk;
    }

    [Benchmark(Description = "trades x10 hot path")]
    public int Trades()
    {
        MarketFrameReader.TryParseTrades(_trades, _tradeBuffer, out _);
        return _tradeBuffer.Count;
    }
}
