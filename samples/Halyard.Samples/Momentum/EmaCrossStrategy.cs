using Halyard.Core.Indicators;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;

namespace Halyard.Samples.Momentum;

/// <summary>
/// Momentum on quotes: when the fast average of the mid crosses above the slow one (by more than the threshold) it
/// goes long one entry, when it crosses below it goes short, with market orders sized by <see cref="PerpStrategy"/>.
/// It acts on crosses only, so after the risk manager's stop closes a position it waits for the next cross.
/// Averages are exact decimals, so the same quotes give the same orders live and in a backtest.
/// </summary>
public sealed class EmaCrossStrategy : PerpStrategy
{
    private readonly EmaCrossStrategyConfig _config;
    private readonly Dictionary<InstrumentId, Signal> _signals = [];

    public EmaCrossStrategy(EmaCrossStrategyConfig config) : base(config)
    {
        _config = config;
    }

    /// <summary>Crosses seen so far over all instruments.</summary>
    public int Crosses { get; private set; }

    protected override void OnStarted()
    {
        _signals.Clear();
        foreach (CryptoPerpetual perpetual in Perpetuals)
            _signals[perpetual.Id] = new Signal(new ExponentialMovingAverage(_config.FastPeriod), new ExponentialMovingAverage(_config.SlowPeriod));
    }

    protected override void OnQuote(QuoteTick quote)
    {
        if (!_signals.TryGetValue(quote.InstrumentId, out Signal? signal)) return;
        decimal mid = (quote.BidPrice.ToDecimal() + quote.AskPrice.ToDecimal()) / 2;
        signal.Fast.Update(mid);
        signal.Slow.Update(mid);
        if (!signal.Slow.IsReady) return;

        decimal gap = signal.Fast.Value - signal.Slow.Value;
        decimal threshold = signal.Slow.Value * _config.ThresholdBps / 10_000m;
        int direction = gap > threshold ? 1 : gap < -threshold ? -1 : signal.Direction;
        if (direction != signal.Direction)
        {
            signal.Direction = direction;
            signal.Pending = true;
            Crosses++;
            Log.LogDebug("{StrategyId}: {InstrumentId} crossed {Direction} (fast {Fast}, slow {Slow})", Id, quote.InstrumentId, direction > 0 ? "up" : "down", signal.Fast.Value, signal.Slow.Value);
        }
        if (HasPendingOrders(quote.InstrumentId)) return;
        if (!signal.Pending)
        {
            TrimToEntry(quote.InstrumentId); // e.g. its stop and a flip filled in the same instant
            return;
        }
        MoveToward(quote.InstrumentId, signal.Direction, out bool reachesTarget);
        signal.Pending = !reachesTarget; // a flip split by MaxOrderNotional finishes on a later quote
    }

    private sealed class Signal(ExponentialMovingAverage fast, ExponentialMovingAverage slow)
    {
        public ExponentialMovingAverage Fast { get; } = fast;
        public ExponentialMovingAverage Slow { get; } = slow;
        /// <summary>+1 fast above slow, −1 below, 0 not known yet.</summary>
        public int Direction { get; set; }
        /// <summary>A cross not yet acted on.</summary>
        public bool Pending { get; set; }
    }
}
