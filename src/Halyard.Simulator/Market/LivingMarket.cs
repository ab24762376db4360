using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Venue;
using Microsoft.Extensions.Logging;

namespace Halyard.Simulator.Market;

/// <summary>
/// The market that lives without users: per coin a seeded random-walk fair price (which is also the mark), a
/// built-in maker quoting several levels around it, refreshed each tick, and a built-in taker sending random
/// market orders. A tick also fires triggers, liquidations, funding and scheduled cancels, then pushes the book.
/// The same seed and the same sequence of ticks and calls give the same prices and trades.
/// </summary>
internal sealed class LivingMarket : IDisposable
{
    private readonly SimulatedExchange _exchange;
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly Dictionary<string, decimal> _fair = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _makerOids = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private volatile bool _paused;
    private long _nextFundingMs;

    public LivingMarket(SimulatedExchange exchange, SimulatorOptions options, TimeProvider time, ILogger logger)
    {
        _exchange = exchange;
        _options = options;
        _time = time;
        _logger = logger;
        _random = new Random(options.Seed);
        _paused = options.StartPaused;
        foreach (var coin in options.Coins)
        {
            _fair[coin.Name] = coin.InitialPx;
            _makerOids[coin.Name] = [];
        }
        lock (_exchange.Gate)
        {
            _nextFundingMs = _exchange.NowMs() + (long)options.FundingInterval.TotalMilliseconds;
            MarketHistory.Seed(_exchange, options, _exchange.NowMs());
            foreach (var coin in options.Coins) Requote(coin.Name, _exchange.NowNs());
            _exchange.Flush();
        }
    }

    public bool IsPaused => _paused;

    /// <summary>Number of ticks run so far.</summary>
    public long Ticks { get; private set; }

    public void Start() => _loop = RunAsync(_stop.Token);

    public void Pause() => _paused = true;

    public void Resume() => _paused = false;

    /// <summary>Runs ticks now (paused or not).</summary>
    public void Step(int ticks)
    {
        if (ticks is < 1 or > 100_000) throw new ArgumentOutOfRangeException(nameof(ticks), ticks, "must be between 1 and 100000");
        for (int i = 0; i < ticks; i++) Tick(walk: true);
    }

    /// <summary>Fair price of a coin now.</summary>
    public decimal FairPrice(string coin)
    {
        lock (_exchange.Gate) return _fair[coin];
    }

    /// <summary>Moves a coin's fair and mark price at once: triggers fire, liquidations run, the maker requotes around it.</summary>
    public void SetFairPrice(string coin, decimal px)
    {
        if (!_exchange.IsCoin(coin)) throw new ArgumentException($"unknown coin {coin}", nameof(coin));
        if (px <= 0) throw new ArgumentOutOfRangeException(nameof(px), px, "must be positive");
        lock (_exchange.Gate)
        {
            _fair[coin] = px;
            long now = _exchange.NowNs();
            Requote(coin, now); // quotes first, so triggered market orders meet the new book
            _exchange.Engine.SetMarkPrice(coin, MarkRaw(coin), now);
            _exchange.Flush();
            _exchange.Publisher.MarketTick();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_paused) continue;
                try
                {
                    Tick(walk: true);
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    // A tick must never kill the market; the next one starts from a consistent engine state.
                    _logger.LogError(e, "Simulator market tick {Tick} failed", Ticks);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Tick(bool walk)
    {
        lock (_exchange.Gate)
        {
            Ticks++;
            long now = _exchange.NowNs();
            foreach (var coin in _options.Coins)
            {
                string name = coin.Name;
                if (walk) _fair[name] = Walk(_fair[name], coin.Volatility);
                Requote(name, now);
                _exchange.Engine.SetMarkPrice(name, MarkRaw(name), now);
                if (_random.NextDouble() < _options.TakerProbability) Take(name, now);
            }
            if (now / 1_000_000 >= _nextFundingMs)
            {
                _nextFundingMs = now / 1_000_000 + (long)_options.FundingInterval.TotalMilliseconds;
                _exchange.ApplyFunding(_ => 0.0000125m + (decimal)Math.Round((_random.NextDouble() - 0.5) * 0.00002, 8));
            }
            _exchange.FireScheduledCancels();
            _exchange.Flush();
            _exchange.Publisher.MarketTick();
        }
    }

    private decimal Walk(decimal fair, double volatility)
    {
        // Box–Muller normal draw; exp keeps the price positive.
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        decimal next = fair * (decimal)Math.Exp(volatility * normal);
        return Math.Round(next, 8);
    }

    private long MarkRaw(string coin)
    {
        var engine = _exchange.Engine;
        long fair = engine.GetInstrument(coin).RoundPrice(_fair[coin], RoundingDirection.Nearest).Raw;
        return _options.MarkPriceSource switch
        {
            MarkPriceSource.BookMid when engine.GetBook(coin) is { BestBidPxRaw: > 0, BestAskPxRaw: > 0 } book
                => (book.BestBidPxRaw + book.BestAskPxRaw) / 2,
            MarkPriceSource.LastTrade when engine.GetLastTradePxRaw(coin) is > 0 and long last => last,
            _ => fair,
        };
    }

    /// <summary>Replaces the maker's quotes in one coin with a fresh ladder around the fair price.</summary>
    private void Requote(string coin, long nowNs)
    {
        var engine = _exchange.Engine;
        var oids = _makerOids[coin];
        foreach (long oid in oids) engine.Cancel(SimulatedExchange.MakerAccount, coin, oid, nowNs);
        oids.Clear();
        var instrument = engine.GetInstrument(coin);
        decimal fair = _fair[coin];
        long lastBid = long.MaxValue, lastAsk = 0;
        for (int level = 0; level < _options.MakerLevels; level++)
        {
            decimal offset = (_options.MakerHalfSpreadBps + level * _options.MakerLevelStepBps) / 10_000m;
            long bid = instrument.RoundPrice(fair * (1 - offset), RoundingDirection.Down).Raw;
            long ask = instrument.RoundPrice(fair * (1 + offset), RoundingDirection.Up).Raw;
            if (bid < lastBid && bid > 0) { Quote(coin, OrderSide.Buy, bid, instrument, nowNs, oids); lastBid = bid; }
            if (ask > lastAsk) { Quote(coin, OrderSide.Sell, ask, instrument, nowNs, oids); lastAsk = ask; }
        }
    }

    private void Quote(string coin, OrderSide side, long pxRaw, CryptoPerpetual instrument, long nowNs, List<long> oids)
    {
        decimal px = FixedPoint.ToDecimal(pxRaw);
        var size = instrument.RoundSize(_options.MakerLevelNotional / px, RoundingDirection.Down);
        if (size.Raw <= 0) size = instrument.SizeIncrement;
        var result = _exchange.Engine.Place(new MatchingOrder(SimulatedExchange.MakerAccount, coin, side, pxRaw, size.Raw), nowNs);
        if (result.Outcome == PlaceOutcome.Resting) oids.Add(result.Oid);
    }

    /// <summary>A random market order from the built-in taker: IOC bounded 5% away from the fair price.</summary>
    private void Take(string coin, long nowNs)
    {
        var instrument = _exchange.Engine.GetInstrument(coin);
        bool buy = _random.NextDouble() < 0.5;
        decimal notional = 10m + (decimal)_random.NextDouble() * (_options.TakerMaxNotional - 10m);
        decimal fair = _fair[coin];
        var size = instrument.RoundSize(notional / fair, RoundingDirection.Up);
        long px = instrument.RoundPrice(fair * (buy ? 1.05m : 0.95m), buy ? RoundingDirection.Down : RoundingDirection.Up).Raw;
        _exchange.Engine.Place(new MatchingOrder(SimulatedExchange.TakerAccount, coin, buy ? OrderSide.Buy : OrderSide.Sell, px, size.Raw, MatchingTif.Ioc), nowNs);
    }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        try { _loop?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
