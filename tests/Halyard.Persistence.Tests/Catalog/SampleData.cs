using Halyard.Core.Model;

namespace Halyard.Persistence.Tests.Catalog;

/// <summary>Realistic-looking market data: random-walk prices on a tick, small size changes, increasing timestamps.</summary>
internal static class SampleData
{
    public static readonly InstrumentId Btc = InstrumentId.Parse("BTC-USD-PERP.HYPERLIQUID");
    public static readonly InstrumentId Eth = InstrumentId.Parse("ETH-USD-PERP.HYPERLIQUID");

    /// <summary>2024-01-01T00:00:00Z in nanoseconds.</summary>
    public const long Start = 1_704_067_200_000_000_000L;

    public static QuoteTick[] Quotes(InstrumentId instrument, int count, long startNs = Start, long stepNs = 100_000_000, int seed = 1)
    {
        var random = new Random(seed);
        var quotes = new QuoteTick[count];
        long bid = Price.Parse("42000.0").Raw;
        long tick = Price.Parse("0.1").Raw;
        long bidSize = Quantity.Parse("1.5").Raw, askSize = Quantity.Parse("2.25").Raw;
        long step = Quantity.Parse("0.00001").Raw;
        long ts = startNs;
        for (int i = 0; i < count; i++)
        {
            if (random.Next(100) < 20) bid += tick * (random.Next(2) == 0 ? -1 : 1);
            if (random.Next(3) == 0) bidSize = Math.Max(step, bidSize + step * random.Next(-50, 51));
            if (random.Next(3) == 0) askSize = Math.Max(step, askSize + step * random.Next(-50, 51));
            quotes[i] = new QuoteTick(instrument, Price.FromRaw(bid, 1), Price.FromRaw(bid + tick, 1),
                Quantity.FromRaw(bidSize, 5), Quantity.FromRaw(askSize, 5), ts - 250_000, ts);
            ts += stepNs;
        }
        return quotes;
    }

    public static TradeTick[] Trades(InstrumentId instrument, int count, long startNs = Start, long stepNs = 250_000_000, int seed = 2)
    {
        var random = new Random(seed);
        var trades = new TradeTick[count];
        long price = Price.Parse("42000.0").Raw;
        long ts = startNs;
        for (int i = 0; i < count; i++)
        {
            price += Price.Parse("0.1").Raw * random.Next(-3, 4);
            long size = Quantity.Parse("0.00001").Raw * random.Next(1, 100_000);
            trades[i] = new TradeTick(instrument, Price.FromRaw(price, 1), Quantity.FromRaw(size, 5),
                (AggressorSide)(1 + random.Next(2)), (900_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), ts - 1_000_000, ts);
            ts += stepNs;
        }
        return trades;
    }

    /// <summary>A snapshot (clear, then levels) followed by diff updates; F_LAST only on the last delta of each update.</summary>
    public static OrderBookDelta[] Deltas(InstrumentId instrument, int updates, long startNs = Start, int seed = 3)
    {
        var random = new Random(seed);
        var deltas = new List<OrderBookDelta>();
        ulong sequence = 1;
        long ts = startNs;
        long mid = Price.Parse("42000.0").Raw, tick = Price.Parse("0.1").Raw;
        deltas.Add(OrderBookDelta.Clear(instrument, sequence, ts - 10, ts));
        for (int level = 1; level <= 5; level++)
        {
            foreach (OrderSide side in new[] { OrderSide.Buy, OrderSide.Sell })
            {
                long price = side == OrderSide.Buy ? mid - level * tick : mid + level * tick;
                bool last = level == 5 && side == OrderSide.Sell;
                deltas.Add(new OrderBookDelta(instrument, BookAction.Add,
                    new BookOrder(side, Price.FromRaw(price, 1), Quantity.FromRaw(level * 100_000_000L, 5), (ulong)price),
                    last ? RecordFlags.Snapshot | RecordFlags.Last : RecordFlags.Snapshot, sequence, ts - 10, ts));
            }
        }
        for (int u = 0; u < updates; u++)
        {
            ts += 50_000_000;
            sequence++;
            int changes = 1 + random.Next(3);
            for (int c = 0; c < changes; c++)
            {
                var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
                long price = side == OrderSide.Buy ? mid - (1 + random.Next(5)) * tick : mid + (1 + random.Next(5)) * tick;
                var action = random.Next(4) == 0 ? BookAction.Delete : BookAction.Update;
                long size = action == BookAction.Delete ? 0 : random.Next(1, 1000) * 1_000_000L;
                deltas.Add(new OrderBookDelta(instrument, action, new BookOrder(side, Price.FromRaw(price, 1), Quantity.FromRaw(size, 5), (ulong)price),
                    c == changes - 1 ? RecordFlags.Last : RecordFlags.None, sequence, ts - 10, ts));
            }
        }
        return deltas.ToArray();
    }

    public static Bar[] Bars(InstrumentId instrument, int count, long startNs = Start)
    {
        var barType = BarType.Parse($"{instrument}-1-MINUTE-LAST-EXTERNAL");
        var bars = new Bar[count];
        long open = Price.Parse("42000.0").Raw;
        for (int i = 0; i < count; i++)
        {
            long close = open + Price.Parse("0.5").Raw * ((i % 7) - 3);
            long ts = startNs + (i + 1) * 60_000_000_000L;
            bars[i] = new Bar(barType, Price.FromRaw(open, 1), Price.FromRaw(Math.Max(open, close) + 1_000_000_000L, 1),
                Price.FromRaw(Math.Min(open, close) - 1_000_000_000L, 1), Price.FromRaw(close, 1), Quantity.FromRaw(123_456_780_000L + i * 10_000L, 5), ts, ts + 5);
            open = close;
        }
        return bars;
    }

    public static MarkPriceUpdate[] MarkPrices(InstrumentId instrument, int count, long startNs = Start) =>
        Enumerable.Range(0, count).Select(i => new MarkPriceUpdate(instrument, Price.FromRaw(Price.Parse("42000.0").Raw + i * 100_000_000L, 1),
            startNs + i * 3_000_000_000L, startNs + i * 3_000_000_000L + 7)).ToArray();

    public static FundingRateUpdate[] FundingRates(InstrumentId instrument, int count, long startNs = Start) =>
        Enumerable.Range(0, count).Select(i => new FundingRateUpdate(instrument, 0.0000125m * (i - 2),
            i % 2 == 0 ? startNs + (i + 1) * 3_600_000_000_000L : null, startNs + i * 3_600_000_000_000L, startNs + i * 3_600_000_000_000L + 9)).ToArray();

    /// <summary>Top-10 snapshots of a drifting book: full on both sides, except every fifth row shows only 7 bids (empty slots are zero).</summary>
    public static OrderBookDepth10[] Depths(InstrumentId instrument, int count, long startNs = Start)
    {
        var depths = new OrderBookDepth10[count];
        long tick = Price.Parse("0.1").Raw;
        for (int r = 0; r < count; r++)
        {
            long mid = Price.Parse("42000.0").Raw + (r % 13 - 6) * tick;
            var bids = new BookOrder[OrderBookDepth10.Levels];
            var asks = new BookOrder[OrderBookDepth10.Levels];
            var bidCounts = new uint[OrderBookDepth10.Levels];
            var askCounts = new uint[OrderBookDepth10.Levels];
            int bidLevels = r % 5 == 0 ? 7 : OrderBookDepth10.Levels;
            for (int i = 0; i < OrderBookDepth10.Levels; i++)
            {
                bool present = i < bidLevels;
                bids[i] = new BookOrder(OrderSide.Buy, Price.FromRaw(present ? mid - (i + 1) * tick : 0, 1), Quantity.FromRaw(present ? (i + 1) * 1_000_000L * (r % 3 + 1) : 0, 5), 0);
                asks[i] = new BookOrder(OrderSide.Sell, Price.FromRaw(mid + (i + 1) * tick, 1), Quantity.FromRaw((i + 2) * 1_000_000L, 5), 0);
                bidCounts[i] = present ? (uint)(i % 4 + 1) : 0;
                askCounts[i] = (uint)(i % 3 + 1);
            }
            long ts = startNs + r * 250_000_000L;
            depths[r] = new OrderBookDepth10(instrument, bids, asks, bidCounts, askCounts, RecordFlags.Last, (ulong)(r + 1), ts, ts + 3);
        }
        return depths;
    }
}
