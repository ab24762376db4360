using System.Collections.Concurrent;
using System.Text;
using BenchmarkDotNet.Attributes;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Parsing;

namespace Halyard.Benchmarks.Hyperliquid;

/// <summary>
/// The data client's own share per frame: parse, map at the instrument's precision, diff the book, post into the
/// kernel inbox, record the metrics (the inbox is drained after each frame). Allocation per frame shows what the
/// kernel keeps (a book update's deltas); quotes allocate nothing.
/// Run: dotnet run -c Release --project bench/Halyard.Benchmarks -- --filter '*MarketDataMapper*' --job short
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MarketDataMapperBenchmarks
{
    private readonly KernelInbox _inbox = new();
    private readonly HyperliquidMetrics _metrics = new();
    private MarketDataMapper _mapper = null!;
    private byte[] _bbo = [];
    private byte[] _bookA = [];
    private byte[] _bookB = [];
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var provider = new HyperliquidInstrumentProvider((_, _) => default);
        provider.Load("""{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]}"""u8);
        var feeds = new ConcurrentDictionary<string, CoinFeed>();
        CoinFeed btc = feeds.GetOrAdd("BTC", c => new CoinFeed(c));
        btc.Quotes = btc.Book = true;
        _mapper = new MarketDataMapper(_inbox, new TestClock(1_754_450_975_600_000_000), () => provider.Table, feeds, _metrics);
        _bbo = """{"channel":"bbo","data":{"coin":"BTC","time":1754450975512,"bbo":[{"px":"113377.0","sz":"7.6699","n":17},{"px":"113378.0","sz":"0.11543","n":3}]}}"""u8.ToArray();
        string book = MarketFrameReaderBenchmarks.BuildBook(levelsPerSide: 20);
        _bookA = Encoding.UTF8.GetBytes(book);
        // The same book with three sizes changed: a typical diff of three Update deltas.
        _bookB = Encoding.UTF8.GetBytes(book.Replace("\"sz\":\"1.00000\"", "\"sz\":\"1.50000\"").Replace("\"sz\":\"3.", "\"sz\":\"4.").Replace("\"sz\":\"5.", "\"sz\":\"6."));
        if (_bookA.AsSpan().SequenceEqual(_bookB)) throw new InvalidOperationException("the two books must differ");
        _mapper.Handle(WsChannel.L2Book, _bookA); // the snapshot
        Drain();
    }

    [Benchmark]
    public int BboToQuote()
    {
        _mapper.Handle(WsChannel.Bbo, _bbo);
        return Drain();
    }

    /// <summary>A 20×20 l2Book frame diffed against the previous one (alternating two books).</summary>
    [Benchmark]
    public int L2BookToDeltas()
    {
        _flip = !_flip;
        _mapper.Handle(WsChannel.L2Book, _flip ? _bookB : _bookA);
        return Drain();
    }

    private int Drain()
    {
        int n = 0;
        while (_inbox.Reader.TryRead(out _)) n++;
        return n == 1 ? n : throw new InvalidOperationException($"expected one message, got {n}");
    }

    [GlobalCleanup]
    public void Cleanup() => _metrics.Dispose();
}
