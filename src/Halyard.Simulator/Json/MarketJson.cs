using System.Text.Json;
using Halyard.Simulator.Market;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Json;

/// <summary>Market objects: meta, asset contexts, candles, trades, funding records.</summary>
internal static class MarketJson
{
    public static void WriteMeta(Utf8JsonWriter w, IReadOnlyList<SimulatedCoin> coins)
    {
        w.WriteStartObject();
        w.WriteStartArray("universe"u8);
        foreach (var coin in coins)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, coin.Name);
            w.WriteNumber("szDecimals"u8, coin.SzDecimals);
            w.WriteNumber("maxLeverage"u8, coin.MaxLeverage);
            w.WriteNumber("marginTableId"u8, coin.MaxLeverage);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("marginTables"u8);
        foreach (int leverage in coins.Select(c => c.MaxLeverage).Distinct())
        {
            w.WriteStartArray();
            w.WriteNumberValue(leverage);
            w.WriteStartObject();
            w.WriteString("description"u8, "");
            w.WriteStartArray("marginTiers"u8);
            w.WriteStartObject();
            w.WriteString("lowerBound"u8, "0.0");
            w.WriteNumber("maxLeverage"u8, leverage);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteNumber("collateralToken"u8, 0);
        w.WriteEndObject();
    }

    public static void WriteAssetCtx(Utf8JsonWriter w, in AssetContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("funding"u8, WireText.Decimal(ctx.Funding));
        w.WriteString("openInterest"u8, WireText.Decimal(ctx.OpenInterest));
        w.WriteString("prevDayPx"u8, WireText.Decimal(ctx.PrevDayPx));
        w.WriteString("dayNtlVlm"u8, WireText.Rounded(ctx.DayNtlVlm, 6));
        w.WriteString("premium"u8, WireText.Decimal(ctx.Premium));
        w.WriteString("oraclePx"u8, WireText.Decimal(ctx.OraclePx));
        w.WriteString("markPx"u8, WireText.Decimal(ctx.MarkPx));
        if (ctx.MidPx is { } mid) w.WriteString("midPx"u8, WireText.Decimal(mid));
        else w.WriteNull("midPx"u8);
        if (ctx.ImpactBid is { } bid && ctx.ImpactAsk is { } ask)
        {
            w.WriteStartArray("impactPxs"u8);
            w.WriteStringValue(WireText.Decimal(bid));
            w.WriteStringValue(WireText.Decimal(ask));
            w.WriteEndArray();
        }
        else w.WriteNull("impactPxs"u8);
        w.WriteString("dayBaseVlm"u8, WireText.Decimal(ctx.DayBaseVlm));
        w.WriteEndObject();
    }

    public static void WriteCandle(Utf8JsonWriter w, Candle candle)
    {
        w.WriteStartObject();
        w.WriteNumber("t"u8, candle.OpenTimeMs);
        w.WriteNumber("T"u8, candle.CloseTimeMs);
        w.WriteString("s"u8, candle.Coin);
        w.WriteString("i"u8, candle.Interval);
        w.WriteString("o"u8, WireText.Decimal(candle.Open));
        w.WriteString("c"u8, WireText.Decimal(candle.Close));
        w.WriteString("h"u8, WireText.Decimal(candle.High));
        w.WriteString("l"u8, WireText.Decimal(candle.Low));
        w.WriteString("v"u8, WireText.Decimal(candle.Volume));
        w.WriteNumber("n"u8, candle.Trades);
        w.WriteEndObject();
    }

    public static void WriteTrade(Utf8JsonWriter w, TradeRecord trade)
    {
        w.WriteStartObject();
        w.WriteString("coin"u8, trade.Coin);
        w.WriteString("side"u8, trade.AggressorIsBuy ? "B" : "A");
        w.WriteString("px"u8, WireText.Decimal(trade.Px));
        w.WriteString("sz"u8, WireText.Decimal(trade.Sz));
        w.WriteNumber("time"u8, trade.TimeMs);
        w.WriteString("hash"u8, trade.Hash);
        w.WriteNumber("tid"u8, trade.Tid);
        w.WriteStartArray("users"u8);
        w.WriteStringValue(trade.Buyer);
        w.WriteStringValue(trade.Seller);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A funding payment: <c>{"time","coin","usdc","szi","fundingRate","nSamples"}</c>.</summary>
    public static void WriteFunding(Utf8JsonWriter w, UserFunding funding)
    {
        w.WriteStartObject();
        w.WriteNumber("time"u8, funding.TimeMs);
        w.WriteString("coin"u8, funding.Coin);
        w.WriteString("usdc"u8, WireText.Rounded(funding.Usdc, 6));
        w.WriteString("szi"u8, WireText.Decimal(funding.Szi));
        w.WriteString("fundingRate"u8, WireText.Decimal(funding.FundingRate));
        w.WriteNull("nSamples"u8);
        w.WriteEndObject();
    }
}
