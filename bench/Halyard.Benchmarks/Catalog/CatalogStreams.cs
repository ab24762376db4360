using Halyard.Core.Model;

namespace Halyard.Benchmarks.Catalog;

/// <summary>Realistic streams for the catalog benchmarks: random-walk prices on a tick, small size changes, increasing ts.</summary>
internal static class CatalogStreams
{
    public static readonly InstrumentId Btc = InstrumentId.Parse("BTC-USD-PERP.HYPERLIQUID");
    public const long Start = 1_704_067_200_000_000_000L;

    public static QuoteTick[] Quotes(int count, int seed = 42)
    {
        var random = new Random(seed);
        var quotes = new QuoteTick[count];
        long tick = FixedPoint.ScaleFactor; // BTC quotes whole dollars on Hyperliquid
        long bid = 95_000 * tick;
        long lot = FixedPoint.ScaleFactor / 100_000; // 0.00001
        long bidSize = 150_000 * lot, askSize = 220_000 * lot;
        long ts = Start;
        for (int i = 0; i < count; i++)
        {
            if (random.Next(100) < 20) bid += tick * (random.Next(2) == 0 ? -1 : 1);
            long spread = tick * (random.Next(10) == 0 ? 2 : 1);
            if (random.Next(3) == 0) bidSize = Math.Max(lot, bidSize + lot * random.Next(-2_000, 2_001));
            if (random.Next(3) == 0) askSize = Math.Max(lot, askSize + lot * random.Next(-2_000, 2_001));
            ts += random.Next(5_000_000, 150_000_000); // 5-150 ms apart
            quotes[i] = new QuoteTick(Btc, Price.FromRaw(bid, 0), Price.FromRaw(bid + spread, 0),
                Quantity.FromRaw(bidSize, 5), Quantity.FromRaw(askSize, 5), ts - random.Next(200_000, 2_000_000), ts);
        }
        return quotes;
    }

    public static TradeTick[] Trades(int count, int seed = 43)
    {
        var random = new Random(seed);
        var trades = new TradeTick[count];
        long price = 95_000 * FixedPoint.ScaleFactor;
        long ts = Start;
        long tradeId = 500_000_000_000;
        for (int i = 0; i < count; i++)
        {
            price += FixedPoint.ScaleFactor * random.Next(-2, 3);
            ts += random.Next(1_000_000, 400_000_000);
            tradeId += random.Next(1, 50);
            trades[i] = new TradeTick(Btc, Price.FromRaw(price, 0), Quantity.FromRaw(FixedPoint.ScaleFactor / 100_000 * random.Next(1, 200_000), 5),
                random.Next(2) == 0 ? AggressorSide.Buyer : AggressorSide.Seller, tradeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ts - random.Next(200_000, 2_000_000), ts);
        }
        return trades;
    }

    /// <summary>Book diffs: 1-4 level changes per update near the top, F_LAST on the last of each.</summary>
    public static OrderBookDelta[] Deltas(int count, int seed = 44)
    {
        var random = new Random(seed);
        var deltas = new OrderBookDelta[count];
        long mid = 95_000 * FixedPoint.ScaleFactor;
        long ts = Start;
        ulong sequence = 0;
        int i = 0;
        while (i < count)
        {
            ts += random.Next(100_000_000, 600_000_000);
            sequence++;
            if (random.Next(100) < 10) mid += FixedPoint.ScaleFactor * (random.Next(2) == 0 ? -1 : 1);
            int changes = Math.Min(count - i, 1 + random.Next(4));
            for (int c = 0; c < changes; c++, i++)
            {
                var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
                long price = mid + (side == OrderSide.Buy ? -1 : 1) * FixedPoint.ScaleFactor * (1 + random.Next(20));
                var action = random.Next(5) == 0 ? BookAction.Delete : BookAction.Update;
                long size = action == BookAction.Delete ? 0 : FixedPoint.ScaleFactor / 100_000 * random.Next(1, 5_000_000);
                deltas[i] = new OrderBookDelta(Btc, action, new BookOrder(side, Price.FromRaw(price, 0), Quantity.FromRaw(size, 5), (ulong)(price / FixedPoint.ScaleFactor)),
                    c == changes - 1 ? RecordFlags.Last : RecordFlags.None, sequence, ts - 300_000, ts);
            }
        }
        return deltas;
    }

    public static Bar[] Bars(int count)
    {
        var barType = BarType.Parse($"{Btc}-1-MINUTE-LAST-EXTERNAL");
        var random = new Random(45);
        var bars = new Bar[count];
        long open = 95_000 * FixedPoint.ScaleFactor;
        for (int i = 0; i < count; i++)
        {
            long close = open + FixedPoint.ScaleFactor * random.Next(-40, 41);
            long high = Math.Max(open, close) + FixedPoint.ScaleFactor * random.Next(0, 20);
            long low = Math.Min(open, close) - FixedPoint.ScaleFactor * random.Next(0, 20);
            long ts = Start + (i + 1) * 60_000_000_000L;
            bars[i] = new Bar(barType, Price.FromRaw(open, 0), Price.FromRaw(high, 0), Price.FromRaw(low, 0), Price.FromRaw(close, 0),
                Quantity.FromRaw(FixedPoint.ScaleFactor / 100_000 * random.Next(1, 50_000_000), 5), ts, ts + 1_000_000);
            open = close;
        }
        return bars;
    }

    public static MarkPriceUpdate[] MarkPrices(int count)
    {
        var random = new Random(46);
        long price = 95_000 * FixedPoint.ScaleFactor;
        return Enumerable.Range(0, count).Select(i =>
        {
            price += FixedPoint.ScaleFactor / 10 * random.Next(-5, 6);
            long ts = Start + i * 3_000_000_000L;
            return new MarkPriceUpdate(Btc, Price.FromRaw(price, 1), ts, ts + 500_000);
        }).ToArray();
    }

    public static FundingRateUpdate[] FundingRates(int count) =>
        Enumerable.Range(0, count).Select(i => new FundingRateUpdate(Btc, 0.0000125m + 0.0000001m * (i % 17), Start + (i + 1) * 3_600_000_000_000L,
            Start + i * 3_600_000_000_000L, Start + i * 3_600_000_000_000L + 1_000_000)).ToArray();
}
