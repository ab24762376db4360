using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Wire.Push;

namespace Halyard.Hyperliquid.Data;

internal sealed partial class MarketDataMapper
{
    private const long HourNs = 3_600_000_000_000L;

    // Hyperliquid pushes the open candle again on every change. A bar is final only when the next candle starts,
    // so each bar is posted once, closed, with TsEvent at its close time.
    private void OnCandle(ReadOnlySpan<byte> frame, long tsInit, long received)
    {
        if (!MarketFrameReader.TryParseCandle(frame, _candle, out string? error)) { Malformed(WsChannel.Candle, error); return; }
        if (!CandleInterval.TryFromWire(_candle.IntervalUtf8, out BarSpecification spec))
        {
            Malformed(WsChannel.Candle, $"candle: unknown interval '{System.Text.Encoding.UTF8.GetString(_candle.IntervalUtf8)}'");
            return;
        }
        if (!TryFeed(_candle.CoinUtf8, out HyperliquidMarket market, out CoinFeed feed) || !feed.Bars.TryGetValue(spec, out BarType? barType))
        {
            Skip();
            return;
        }
        if (!feed.Candles.TryGetValue(spec, out OpenCandle? open) || open.BarType != barType)
        {
            feed.Candles[spec] = open = new OpenCandle(barType);
            Keep(open);
            return;
        }
        if (_candle.OpenTimeMs < open.OpenMs) { Skip(); return; } // a late update of a bar already posted
        if (_candle.OpenTimeMs > open.OpenMs)
        {
            Instrument i = market.Instrument;
            long tsEvent = WirePrecision.MsToNs(open.CloseMs + 1); // T is the bar's last millisecond
            _inbox.Post(new Bar(open.BarType,
                WirePrecision.ToPrice(open.Open, i.PricePrecision), WirePrecision.ToPrice(open.High, i.PricePrecision),
                WirePrecision.ToPrice(open.Low, i.PricePrecision), WirePrecision.ToPrice(open.Close, i.PricePrecision),
                WirePrecision.ToQuantity(open.Volume, i.SizePrecision), tsEvent, tsInit));
            Record(tsEvent, tsInit, received);
        }
        Keep(open);
    }

    private void Keep(OpenCandle open)
    {
        open.OpenMs = _candle.OpenTimeMs;
        open.CloseMs = _candle.CloseTimeMs;
        open.Open = _candle.OpenRaw;
        open.High = _candle.HighRaw;
        open.Low = _candle.LowRaw;
        open.Close = _candle.CloseRaw;
        open.Volume = _candle.VolumeRaw;
    }

    private void OnAssetContext(ReadOnlySpan<byte> frame, long tsInit, long received)
    {
        if (!MarketFrameReader.TryParseActiveAssetCtx(frame, _context, out string? error)) { Malformed(WsChannel.ActiveAssetCtx, error); return; }
        if (!TryFeed(_context.CoinUtf8, out HyperliquidMarket market, out CoinFeed feed)) { Skip(); return; }
        Instrument i = market.Instrument;
        bool posted = false;
        // activeAssetCtx carries no venue time: the event time is our receive time.
        if (_context.HasMarkPrice && feed.MarkPrices)
        {
            _inbox.Post(new MarkPriceUpdate(i.Id, WirePrecision.ToPrice(_context.MarkPriceRaw, i.PricePrecision), tsInit, tsInit));
            posted = true;
        }
        if (_context.HasFunding && feed.FundingRates && !market.IsSpot)
        {
            long nextFunding = (tsInit / HourNs + 1) * HourNs; // Hyperliquid funds every hour on the hour
            _inbox.Post(new FundingRateUpdate(i.Id, _context.Funding, nextFunding, tsInit, tsInit));
            posted = true;
        }
        if (posted) RecordProcessing(received);
        else Skip();
    }
}
