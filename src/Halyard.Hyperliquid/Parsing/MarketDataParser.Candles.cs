using System.Text.Json;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

public sealed partial class MarketDataParser
{
    /// <summary>The candle Hyperliquid is still updating; it becomes a bar once a later candle starts.</summary>
    private sealed class OpenCandle
    {
        public required BarType BarType;
        public long OpenMs, CloseMs, O, H, L, C, V;
    }

    // Hyperliquid pushes the open candle again on every change. A bar is final only when the next candle
    // starts, so we emit each bar once, closed, with TsEvent at its close time.
    private void ParseCandle(ReadOnlySpan<byte> data, long tsInit)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, state: default);
        Expect(ref reader, JsonTokenType.StartObject);
        ReadOnlySpan<byte> coin = default, interval = default;
        long t = 0, closeMs = 0, o = 0, h = 0, l = 0, c = 0, v = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("s"u8)) { reader.Read(); coin = reader.ValueSpan; }
            else if (reader.ValueTextEquals("i"u8)) { reader.Read(); interval = reader.ValueSpan; }
            else if (reader.ValueTextEquals("t"u8)) { reader.Read(); t = WireDecimal.ReadInt64(ref reader, "t"); }
            else if (reader.ValueTextEquals("T"u8)) { reader.Read(); closeMs = WireDecimal.ReadInt64(ref reader, "T"); }
            else if (reader.ValueTextEquals("o"u8)) { reader.Read(); o = WireDecimal.Read(ref reader, "o"); }
            else if (reader.ValueTextEquals("h"u8)) { reader.Read(); h = WireDecimal.Read(ref reader, "h"); }
            else if (reader.ValueTextEquals("l"u8)) { reader.Read(); l = WireDecimal.Read(ref reader, "l"); }
            else if (reader.ValueTextEquals("c"u8)) { reader.Read(); c = WireDecimal.Read(ref reader, "c"); }
            else if (reader.ValueTextEquals("v"u8)) { reader.Read(); v = WireDecimal.Read(ref reader, "v"); }
            else { reader.Read(); reader.Skip(); }
        }
        if (!TryMarket(coin, out HyperliquidMarket market)) return;
        if (!CandleInterval.TryFromWire(interval, out BarSpecification spec)) { Skipped++; return; }
        var key = (market.InstrumentId, spec);
        if (!_candles.TryGetValue(key, out OpenCandle? open))
        {
            _candles[key] = new OpenCandle { BarType = new BarType(market.InstrumentId, spec), OpenMs = t, CloseMs = closeMs, O = o, H = h, L = l, C = c, V = v };
            return;
        }
        if (t < open.OpenMs) { Skipped++; return; } // a late update of a bar already emitted
        if (t > open.OpenMs)
        {
            Instrument i = market.Instrument;
            long tsEvent = WireDecimal.MsToNs(open.CloseMs + 1); // T is the last millisecond of the bar
            LastTsEvent = tsEvent;
            _sink.OnBar(new Bar(open.BarType,
                WireDecimal.ToPrice(open.O, i.PricePrecision), WireDecimal.ToPrice(open.H, i.PricePrecision),
                WireDecimal.ToPrice(open.L, i.PricePrecision), WireDecimal.ToPrice(open.C, i.PricePrecision),
                WireDecimal.ToQuantity(open.V, i.SizePrecision), tsEvent, tsInit));
        }
        open.OpenMs = t; open.CloseMs = closeMs; open.O = o; open.H = h; open.L = l; open.C = c; open.V = v;
    }

    private void ParseAssetCtx(ReadOnlySpan<byte> data, long tsInit)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: true, state: default);
        Expect(ref reader, JsonTokenType.StartObject);
        ReadOnlySpan<byte> coin = default;
        long mark = 0;
        bool hasMark = false, hasFunding = false;
        decimal funding = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("coin"u8)) { reader.Read(); coin = reader.ValueSpan; }
            else if (reader.ValueTextEquals("ctx"u8))
            {
                reader.Read();
                Expect(ref reader, JsonTokenType.StartObject, alreadyRead: true);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("markPx"u8)) { reader.Read(); hasMark = WireDecimal.TryRead(ref reader, out mark); }
                    else if (reader.ValueTextEquals("funding"u8)) { reader.Read(); funding = ParseDecimal(reader.ValueSpan, "funding"); hasFunding = true; }
                    else { reader.Read(); reader.Skip(); }
                }
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (!TryMarket(coin, out HyperliquidMarket market)) return;
        // activeAssetCtx carries no venue time: the event time is our receive time.
        Instrument i = market.Instrument;
        LastTsEvent = tsInit;
        if (hasMark) _sink.OnMarkPrice(new MarkPriceUpdate(i.Id, WireDecimal.ToPrice(mark, i.PricePrecision), tsInit, tsInit));
        if (hasFunding && !market.IsSpot)
        {
            const long hourNs = 3_600_000_000_000L;
            long nextFunding = (tsInit / hourNs + 1) * hourNs; // Hyperliquid funds every hour on the hour
            _sink.OnFundingRate(new FundingRateUpdate(i.Id, funding, nextFunding, tsInit, tsInit));
        }
    }
}
