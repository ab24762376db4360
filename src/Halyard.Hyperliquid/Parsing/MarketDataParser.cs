using System.Buffers.Text;
using System.Text.Json;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>
/// Maps market data frames (bbo, trades, l2Book, candle, activeAssetCtx) to our model and hands them to a
/// sink. Stateful: it keeps each book to diff the next push against, and each open candle until it closes.
/// Call it from one thread (the socket's receive loop). <c>TsEvent</c> comes from the venue's time, <c>TsInit</c>
/// from the caller's clock.
/// </summary>
public sealed partial class MarketDataParser
{
    private const int MaxLevels = 256;
    private readonly Func<MarketTable> _markets;
    private readonly IMarketDataSink _sink;
    private readonly Dictionary<InstrumentId, L2BookState> _books = new();
    private readonly Dictionary<(InstrumentId, BarSpecification), OpenCandle> _candles = new();
    private readonly List<OrderBookDelta> _deltaBuffer = new(64);
    private readonly WireLevel[] _bidScratch = new WireLevel[MaxLevels];
    private readonly WireLevel[] _askScratch = new WireLevel[MaxLevels];

    public MarketDataParser(Func<MarketTable> markets, IMarketDataSink sink)
    {
        _markets = markets ?? throw new ArgumentNullException(nameof(markets));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
    }

    /// <summary>Venue time (ns) of the last message mapped; for feed latency.</summary>
    public long LastTsEvent { get; private set; }

    /// <summary>Messages for coins we have no instrument for, or with fields we could not read.</summary>
    public long Skipped { get; private set; }

    /// <summary>Handles a whole frame; false when it is not a market data channel (e.g. order updates).</summary>
    public bool Handle(ReadOnlySpan<byte> frame, long tsInit)
    {
        if (!WsFrame.TryRead(frame, out WsChannel channel, out int dataStart) || dataStart < 0) return false;
        return Handle(channel, frame[dataStart..], tsInit);
    }

    /// <summary>Handles the <c>data</c> value of a frame whose channel is already known.</summary>
    public bool Handle(WsChannel channel, ReadOnlySpan<byte> data, long tsInit)
    {
        try
        {
            switch (channel)
            {
                case WsChannel.Bbo: ParseBbo(data, tsInit); return true;
                case WsChannel.Trades: ParseTrades(data, tsInit); return true;
                case WsChannel.L2Book: ParseL2Book(data, tsInit); return true;
                case WsChannel.Candle: ParseCandle(data, tsInit); return true;
                case WsChannel.ActiveAssetCtx: ParseAssetCtx(data, tsInit); return true;
                default: return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            Skipped++;
            return true;
        }
    }

    /// <summary>Makes the next push of every book a snapshot (after a reconnect).</summary>
    public void ResetBooks()
    {
        foreach (L2BookState book in _books.Values) book.Reset();
    }

    public void ResetBook(InstrumentId id)
    {
        if (_books.TryGetValue(id, out L2BookState? book)) book.Reset();
    }

    /// <summary>Forgets a book and its candles entirely (on unsubscribe).</summary>
    public void Forget(InstrumentId id)
    {
        _books.Remove(id);
        foreach (var key in _candles.Keys.Where(k => k.Item1 == id).ToList()) _candles.Remove(key);
    }

    /// <summary>The book this parser holds for an instrument, or null before its first push.</summary>
    public L2BookState? Book(InstrumentId id) => _books.GetValueOrDefault(id);

    private bool TryMarket(ReadOnlySpan<byte> coin, out HyperliquidMarket market)
    {
        if (_markets().TryGetByCoin(coin, out market)) return true;
        Skipped++;
        return false;
    }

    private void ParseBbo(ReadOnlySpan<byte> data, long tsInit)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, state: default);
        Expect(ref reader, JsonTokenType.StartObject);
        ReadOnlySpan<byte> coin = default;
        long timeMs = 0;
        WireLevel bid = default, ask = default;
        bool hasBid = false, hasAsk = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("coin"u8)) { reader.Read(); coin = reader.ValueSpan; }
            else if (reader.ValueTextEquals("time"u8)) { reader.Read(); timeMs = WireDecimal.ReadInt64(ref reader, "time"); }
            else if (reader.ValueTextEquals("bbo"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray, alreadyRead: true);
                reader.Read();
                hasBid = TryReadLevel(ref reader, out bid);
                reader.Read();
                hasAsk = TryReadLevel(ref reader, out ask);
                reader.Read(); // EndArray
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (!TryMarket(coin, out HyperliquidMarket market)) return;
        if (!hasBid || !hasAsk) { Skipped++; return; } // a one-sided book has no quote
        Instrument i = market.Instrument;
        long tsEvent = WireDecimal.MsToNs(timeMs);
        LastTsEvent = tsEvent;
        _sink.OnQuote(new QuoteTick(i.Id,
            WireDecimal.ToPrice(bid.PriceRaw, i.PricePrecision), WireDecimal.ToPrice(ask.PriceRaw, i.PricePrecision),
            WireDecimal.ToQuantity(bid.SizeRaw, i.SizePrecision), WireDecimal.ToQuantity(ask.SizeRaw, i.SizePrecision),
            tsEvent, tsInit));
    }

    private void ParseTrades(ReadOnlySpan<byte> data, long tsInit)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, state: default);
        Expect(ref reader, JsonTokenType.StartArray);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            ReadOnlySpan<byte> coin = default;
            long px = 0, sz = 0, timeMs = 0, tid = 0;
            AggressorSide side = AggressorSide.NoAggressor;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("coin"u8)) { reader.Read(); coin = reader.ValueSpan; }
                else if (reader.ValueTextEquals("side"u8))
                {
                    reader.Read();
                    // For trades, side is the aggressor's: B = buyer took the ask, A = seller hit the bid.
                    side = reader.ValueTextEquals("B"u8) ? AggressorSide.Buyer : reader.ValueTextEquals("A"u8) ? AggressorSide.Seller : AggressorSide.NoAggressor;
                }
                else if (reader.ValueTextEquals("px"u8)) { reader.Read(); px = WireDecimal.Read(ref reader, "px"); }
                else if (reader.ValueTextEquals("sz"u8)) { reader.Read(); sz = WireDecimal.Read(ref reader, "sz"); }
                else if (reader.ValueTextEquals("time"u8)) { reader.Read(); timeMs = WireDecimal.ReadInt64(ref reader, "time"); }
                else if (reader.ValueTextEquals("tid"u8)) { reader.Read(); tid = WireDecimal.ReadInt64(ref reader, "tid"); }
                else { reader.Read(); reader.Skip(); }
            }
            if (!TryMarket(coin, out HyperliquidMarket market)) continue;
            Instrument i = market.Instrument;
            long tsEvent = WireDecimal.MsToNs(timeMs);
            LastTsEvent = tsEvent;
            _sink.OnTrade(new TradeTick(i.Id, WireDecimal.ToPrice(px, i.PricePrecision), WireDecimal.ToQuantity(sz, i.SizePrecision),
                side, tid.ToString(System.Globalization.CultureInfo.InvariantCulture), tsEvent, tsInit));
        }
    }

    private void ParseL2Book(ReadOnlySpan<byte> data, long tsInit)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, state: default);
        Expect(ref reader, JsonTokenType.StartObject);
        ReadOnlySpan<byte> coin = default;
        long timeMs = 0;
        int bidCount = 0, askCount = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("coin"u8)) { reader.Read(); coin = reader.ValueSpan; }
            else if (reader.ValueTextEquals("time"u8)) { reader.Read(); timeMs = WireDecimal.ReadInt64(ref reader, "time"); }
            else if (reader.ValueTextEquals("levels"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartArray, alreadyRead: true);
                reader.Read();
                bidCount = ReadLevels(ref reader, _bidScratch);
                reader.Read();
                askCount = ReadLevels(ref reader, _askScratch);
                reader.Read(); // EndArray
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (!TryMarket(coin, out HyperliquidMarket market)) return;
        Instrument i = market.Instrument;
        if (!_books.TryGetValue(i.Id, out L2BookState? book) || book.PricePrecision != i.PricePrecision || book.SizePrecision != i.SizePrecision)
        {
            book = new L2BookState(i.Id, i.PricePrecision, i.SizePrecision);
            _books[i.Id] = book;
        }
        long tsEvent = WireDecimal.MsToNs(timeMs);
        LastTsEvent = tsEvent;
        _deltaBuffer.Clear();
        if (book.Apply(_bidScratch.AsSpan(0, bidCount), _askScratch.AsSpan(0, askCount), tsEvent, tsInit, _deltaBuffer) == 0) return;
        // The kernel consumes deltas later on its own thread, so each update gets its own array.
        _sink.OnBookDeltas(new OrderBookDeltas(i.Id, _deltaBuffer.ToArray()));
    }

    private static int ReadLevels(ref Utf8JsonReader reader, WireLevel[] into)
    {
        Expect(ref reader, JsonTokenType.StartArray, alreadyRead: true);
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!TryReadLevel(ref reader, out WireLevel level)) continue;
            if (count < into.Length) into[count++] = level;
        }
        return count;
    }

    /// <summary>Reads <c>{"px","sz","n"}</c> or null at the current token.</summary>
    private static bool TryReadLevel(ref Utf8JsonReader reader, out WireLevel level)
    {
        level = default;
        if (reader.TokenType == JsonTokenType.Null) return false;
        Expect(ref reader, JsonTokenType.StartObject, alreadyRead: true);
        long px = 0, sz = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("px"u8)) { reader.Read(); px = WireDecimal.Read(ref reader, "px"); }
            else if (reader.ValueTextEquals("sz"u8)) { reader.Read(); sz = WireDecimal.Read(ref reader, "sz"); }
            else { reader.Read(); reader.Skip(); }
        }
        level = new WireLevel(px, sz);
        return true;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool alreadyRead = false)
    {
        if (!alreadyRead) reader.Read();
        if (reader.TokenType != type) throw new FormatException($"expected {type} but found {reader.TokenType}");
    }

    private static decimal ParseDecimal(ReadOnlySpan<byte> utf8, string field) =>
        Utf8Parser.TryParse(utf8, out decimal value, out int consumed) && consumed == utf8.Length
            ? value
            : throw new FormatException($"field '{field}' is not a decimal");
}
