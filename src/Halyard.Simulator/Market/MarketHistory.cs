using Halyard.Core.Model;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Market;

/// <summary>
/// Generates <see cref="SimulatorOptions.History"/> of past market at start: one-minute candles (built from four
/// trades a minute, so every interval's candles follow) from a seeded walk that ends at each coin's initial price,
/// and a funding rate at every funding time. Its own random stream, so the live market is the same with or without it.
/// </summary>
internal static class MarketHistory
{
    private const long MinuteMs = 60_000;

    /// <summary>Fills the candle book and funding history for [now − History, the current minute). Call under the exchange's gate.</summary>
    public static void Seed(SimulatedExchange exchange, SimulatorOptions options, long nowMs)
    {
        if (options.History <= TimeSpan.Zero) return;
        long firstMinute = (nowMs - (long)options.History.TotalMilliseconds) / MinuteMs * MinuteMs;
        long currentMinute = nowMs / MinuteMs * MinuteMs;
        int minutes = (int)((currentMinute - firstMinute) / MinuteMs);
        var random = new Random(unchecked(options.Seed * 7919 + 17));
        var touched = new List<Candle>();
        double ticksPerMinute = MinuteMs / options.TickInterval.TotalMilliseconds;
        foreach (SimulatedCoin coin in options.Coins)
        {
            CryptoPerpetual instrument = exchange.Engine.GetInstrument(coin.Name);
            double minuteVolatility = coin.Volatility * Math.Sqrt(ticksPerMinute);
            // Walk back from the initial price so the history joins the live market without a jump.
            var closes = new decimal[minutes + 1];
            closes[minutes] = coin.InitialPx;
            for (int i = minutes; i > 0; i--) closes[i - 1] = Math.Round(closes[i] * (decimal)Math.Exp(-minuteVolatility * Normal(random)), 8);
            for (int i = 0; i < minutes; i++)
            {
                long open = firstMinute + i * MinuteMs;
                decimal first = closes[i], last = closes[i + 1];
                decimal wick = (decimal)(Math.Abs(Normal(random)) * minuteVolatility / 2);
                decimal high = Math.Max(first, last) * (1 + wick), low = Math.Min(first, last) * (1 - wick);
                Trade(exchange, instrument, coin.Name, first, open + 1_000, random, touched);
                Trade(exchange, instrument, coin.Name, high, open + 20_000, random, touched);
                Trade(exchange, instrument, coin.Name, low, open + 40_000, random, touched);
                Trade(exchange, instrument, coin.Name, last, open + 59_000, random, touched);
                touched.Clear();
            }
        }
        long fundingMs = (long)options.FundingInterval.TotalMilliseconds;
        for (long time = (nowMs - (long)options.History.TotalMilliseconds + fundingMs - 1) / fundingMs * fundingMs; time < nowMs; time += fundingMs)
        {
            foreach (SimulatedCoin coin in options.Coins)
                exchange.RecordFundingRate(coin.Name, 0.0000125m + (decimal)Math.Round((random.NextDouble() - 0.5) * 0.00002, 8), time);
        }
    }

    private static void Trade(SimulatedExchange exchange, CryptoPerpetual instrument, string coin, decimal px, long timeMs, Random random, List<Candle> touched)
    {
        decimal price = instrument.RoundPrice(px, RoundingDirection.Nearest).ToDecimal();
        decimal notional = 10m + (decimal)random.NextDouble() * 5_000m;
        decimal size = instrument.RoundSize(notional / price, RoundingDirection.Up).ToDecimal();
        exchange.Candles.AddTrade(coin, price, size, timeMs, touched);
    }

    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
