namespace Halyard.Simulator.Market;

/// <summary>
/// Candles of every exchange interval for every coin, built from the trades the simulator generated; the latest
/// 5000 per coin and interval are kept (the exchange's limit). Not thread-safe: the venue's lock guards it.
/// </summary>
internal sealed class CandleBook
{
    public const int Kept = 5000;
    private readonly Dictionary<(string Coin, string Interval), List<Candle>> _candles = new();

    public static readonly string[] Intervals = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M"];

    /// <summary>Adds a trade to the current candle of each interval; returns the candles it touched.</summary>
    public void AddTrade(string coin, decimal px, decimal sz, long timeMs, List<Candle> touched)
    {
        foreach (string interval in Intervals)
        {
            var list = ListOf(coin, interval);
            var (open, close) = Bounds(interval, timeMs);
            Candle? current = list.Count > 0 ? list[^1] : null;
            if (current is null || current.OpenTimeMs != open)
            {
                if (current is not null && current.OpenTimeMs > open) continue; // out-of-order trade; ignore
                current = new Candle { Coin = coin, Interval = interval, OpenTimeMs = open, CloseTimeMs = close, Open = px, High = px, Low = px, Close = px };
                list.Add(current);
                if (list.Count > Kept) list.RemoveAt(0);
            }
            current.High = Math.Max(current.High, px);
            current.Low = Math.Min(current.Low, px);
            current.Close = px;
            current.Volume += sz;
            current.Trades++;
            touched.Add(current);
        }
    }

    /// <summary>Candles whose open time lies in [startMs, endMs], oldest first.</summary>
    public List<Candle> Range(string coin, string interval, long startMs, long endMs)
    {
        var result = new List<Candle>();
        if (!_candles.TryGetValue((coin, interval), out var list)) return result;
        foreach (var candle in list)
            if (candle.OpenTimeMs >= startMs && candle.OpenTimeMs <= endMs) result.Add(candle.Copy());
        return result;
    }

    /// <summary>The latest candle of a coin and interval, or null before the first trade.</summary>
    public Candle? Latest(string coin, string interval) =>
        _candles.TryGetValue((coin, interval), out var list) && list.Count > 0 ? list[^1] : null;

    /// <summary>Base and notional volume of the 1m candles opened in the last 24 h before <paramref name="nowMs"/>.</summary>
    public (decimal Base, decimal Notional, decimal? FirstOpen) DayVolume(string coin, long nowMs)
    {
        if (!_candles.TryGetValue((coin, "1m"), out var list)) return (0m, 0m, null);
        decimal baseVolume = 0, notional = 0;
        decimal? firstOpen = null;
        long since = nowMs - 86_400_000;
        for (int i = list.Count - 1; i >= 0 && list[i].OpenTimeMs >= since; i--)
        {
            baseVolume += list[i].Volume;
            notional += list[i].Volume * (list[i].High + list[i].Low) / 2; // per-minute approximation
            firstOpen = list[i].Open;
        }
        return (baseVolume, notional, firstOpen);
    }

    private List<Candle> ListOf(string coin, string interval)
    {
        if (!_candles.TryGetValue((coin, interval), out var list)) _candles[(coin, interval)] = list = [];
        return list;
    }

    /// <summary>Open time and last millisecond of the <paramref name="interval"/> candle containing <paramref name="timeMs"/>.</summary>
    public static (long Open, long Close) Bounds(string interval, long timeMs)
    {
        if (interval == "1M")
        {
            var t = DateTimeOffset.FromUnixTimeMilliseconds(timeMs);
            var start = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero);
            return (start.ToUnixTimeMilliseconds(), start.AddMonths(1).ToUnixTimeMilliseconds() - 1);
        }
        long length = LengthMs(interval);
        // Weeks start on Monday like the exchange's (the Unix epoch was a Thursday).
        long offset = interval == "1w" ? 3 * 86_400_000L : 0; // Monday 1969-12-29 is 3 days before the epoch
        long open = (timeMs + offset) / length * length - offset;
        return (open, open + length - 1);
    }

    public static long LengthMs(string interval) => interval switch
    {
        "1m" => 60_000L, "3m" => 180_000L, "5m" => 300_000L, "15m" => 900_000L, "30m" => 1_800_000L,
        "1h" => 3_600_000L, "2h" => 7_200_000L, "4h" => 14_400_000L, "8h" => 28_800_000L, "12h" => 43_200_000L,
        "1d" => 86_400_000L, "3d" => 259_200_000L, "1w" => 604_800_000L,
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "unknown candle interval"),
    };
}
