using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;

namespace Halyard.Core.Backtest;

/// <summary>
/// Replays recorded market data through the same <see cref="TradingKernel"/> a live node runs, with a
/// <see cref="TestClock"/> moved event by event and a <see cref="SimulatedVenue"/> as the data and
/// execution client. Data streams from the source in ts_init order (nothing is loaded whole); timers and
/// latency-delayed venue actions due at or before an event's time run first, each at its exact time.
/// Ids come from a seeded source, so the same inputs give the same run to the last byte.
/// </summary>
public sealed class BacktestNode
{
    private const long FundingIntervalNs = 3_600_000_000_000; // funding is paid every hour
    private readonly BacktestConfig _config;
    private readonly TestClock _clock;
    private readonly PriorityQueue<Action, (long Ts, long Seq)> _scheduled = new();
    private long _scheduleSeq;
    private readonly List<EquityPoint> _equity = [];
    private long _nextEquityNs;
    private long _nextFundingNs;
    private bool _ran;

    public BacktestNode(BacktestConfig config, ILoggerFactory? loggerFactory = null, RiskManagerConfig? riskManager = null, RiskEngineConfig? risk = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        _config = config;
        _clock = new TestClock(config.StartNs);
        var random = new Random(config.Seed);
        Guid NewId()
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }
        var traderId = new TraderId(config.TraderId);
        Kernel = new TradingKernel(traderId, _clock, risk: risk, loggerFactory: loggerFactory, newId: NewId, riskManager: riskManager);
        Venue = new SimulatedVenue(config.Instruments, config.StartingBalance, config.Fees, config.Latency, config.MarketSlippage,
            Kernel.Inbox, _clock, Kernel.NewId, traderId, Schedule);
        Kernel.AddDataClient(Venue);
        Kernel.AddExecutionClient(Venue);
        foreach (Strategy strategy in config.Strategies) Kernel.AddStrategy(strategy);
    }

    public TradingKernel Kernel { get; }
    public SimulatedVenue Venue { get; }
    public TestClock Clock => _clock;

    /// <summary>Runs the whole range once; <paramref name="progress"/> hears about every 64k events.</summary>
    public BacktestResult Run(IProgress<BacktestProgress>? progress = null, CancellationToken ct = default)
    {
        if (_ran) throw new InvalidOperationException("a BacktestNode runs once; build a new one for another run");
        _ran = true;
        List<MarketDataKind> kinds = [.. _config.DataKinds];
        foreach (MarketDataKind always in (MarketDataKind[])[MarketDataKind.MarkPriceUpdate, MarketDataKind.FundingRateUpdate])
            if (!kinds.Contains(always)) kinds.Add(always);
        var query = new MarketDataQuery(kinds, [.. _config.Instruments.Select(i => i.Id)], _config.StartNs, _config.EndNs);

        long events = 0, first = 0, last = 0;
        using (IMarketDataReader reader = _config.Source.Open(query))
        {
            bool any = reader.MoveNext();
            // Start at the first event, not at an open range's 0: timers set on start would otherwise tick through decades.
            if (any && reader.TsInit > _clock.UtcNowNs) _clock.SetTime(reader.TsInit);
            Venue.ConnectAsync(ct).GetAwaiter().GetResult();
            Kernel.DrainInbox();
            Kernel.StartStrategies();
            Kernel.DrainInbox();
            for (; any; any = reader.MoveNext())
            {
                long ts = reader.TsInit;
                if (ts < _clock.UtcNowNs) ts = _clock.UtcNowNs; // never move the clock back (a source out of order by a tie)
                if (events == 0)
                {
                    first = ts;
                    _nextEquityNs = ts;
                    _nextFundingNs = (ts / FundingIntervalNs + 1) * FundingIntervalNs;
                }
                RunDue(ts);
                _clock.SetTime(ts);
                if (ts >= _nextFundingNs) PayFunding(ts);
                Dispatch(reader);
                Kernel.DrainInbox();
                if (ts >= _nextEquityNs) SampleEquity(ts);
                last = ts;
                if ((++events & 0xFFFF) == 0)
                {
                    progress?.Report(new BacktestProgress(_config.StartNs, _config.EndNs, ts, events));
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        RunDue(last);
        Kernel.StopStrategies();
        Kernel.DrainInbox();
        RunDue(last); // what stopping sent (cancels) still reaches the venue and back
        if (events > 0) SampleEquity(last, force: true);
        progress?.Report(new BacktestProgress(_config.StartNs, _config.EndNs, _config.EndNs, events));
        return BacktestResults.Build(_config, Kernel, Venue, _equity, events, first, last);
    }

    private void Dispatch(IMarketDataReader reader)
    {
        switch (reader.Kind)
        {
            case MarketDataKind.QuoteTick:
            {
                QuoteTick quote = reader.Quote;
                Venue.OnQuote(in quote);
                Kernel.Process(in quote);
                break;
            }
            case MarketDataKind.TradeTick:
            {
                TradeTick trade = reader.Trade;
                Venue.OnTrade(in trade);
                Kernel.Process(in trade);
                break;
            }
            case MarketDataKind.OrderBookDelta:
            {
                OrderBookDelta delta = reader.Delta;
                if (Venue.OnBookDelta(in delta) is { } batch) Kernel.Process(batch);
                break;
            }
            case MarketDataKind.Bar:
            {
                Bar bar = reader.Bar;
                Venue.OnBar(in bar);
                Kernel.Process(bar);
                break;
            }
            case MarketDataKind.MarkPriceUpdate:
            {
                MarkPriceUpdate mark = reader.MarkPrice;
                Venue.OnMarkPrice(in mark);
                Kernel.Process(KernelMessage.Of(in mark));
                break;
            }
            case MarketDataKind.FundingRateUpdate:
            {
                FundingRateUpdate funding = reader.FundingRate;
                Venue.OnFundingRate(in funding);
                Kernel.Process(funding);
                break;
            }
        }
    }

    /// <summary>Runs timers and delayed venue actions due by <paramref name="ts"/>, earliest first (timers first on a tie).</summary>
    private void RunDue(long ts)
    {
        while (true)
        {
            // Both are cached (the clock keeps its earliest fire time), so the common nothing-due case is two compares.
            long timerTs = _clock.NextEventNs ?? long.MaxValue;
            long scheduledTs = _scheduled.TryPeek(out _, out (long Ts, long Seq) next) ? next.Ts : long.MaxValue;
            long due = Math.Min(timerTs, scheduledTs);
            if (due > ts || due == long.MaxValue) return;
            if (timerTs <= scheduledTs)
            {
                // One at a time, without allocating: a timer a callback cancels does not fire, one it sets for now does.
                while (_clock.TryTakeDue(timerTs, out TimeEventHandler handler))
                {
                    _clock.SetTime(Math.Max(handler.Event.TsEvent, _clock.UtcNowNs));
                    Kernel.Process(KernelMessage.Of(in handler));
                    Kernel.DrainInbox();
                }
            }
            else
            {
                Action action = _scheduled.Dequeue();
                _clock.SetTime(Math.Max(scheduledTs, _clock.UtcNowNs));
                action();
                Kernel.DrainInbox();
            }
        }
    }

    private void Schedule(long atNs, Action action) => _scheduled.Enqueue(action, (atNs, _scheduleSeq++));

    private void PayFunding(long ts)
    {
        while (_nextFundingNs <= ts) _nextFundingNs += FundingIntervalNs;
        Venue.ApplyFunding(ts);
        Kernel.DrainInbox();
    }

    private void SampleEquity(long ts, bool force = false)
    {
        if (!force || _equity.Count == 0 || _equity[^1].TsNs != ts) _equity.Add(new EquityPoint(ts, Venue.AccountValue));
        long interval = _config.EquitySampleIntervalNs;
        _nextEquityNs = (ts / interval + 1) * interval;
    }
}
