using System.Diagnostics.Metrics;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Hosting;

/// <summary>
/// Counts what a running node does (quotes, trades, orders, fills, fees, rejections) from the message bus on the
/// kernel thread, exports the counts as metrics (meter "Halyard.Node"), and turns risk alerts into warning log
/// lines. <see cref="Snapshot"/> adds positions and PnL from the cache; call it through the kernel.
/// </summary>
public sealed class NodeActivity : IDisposable
{
    public const string MeterName = "Halyard.Node";

    private readonly TradingKernel _kernel;
    private readonly ILogger _log;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _quotesMetric;
    private readonly Counter<long> _ordersMetric;
    private readonly Counter<long> _fillsMetric;
    private readonly Counter<long> _rejectionsMetric;
    private readonly Counter<long> _alertsMetric;
    private long _quotes;
    private long _trades;
    private long _orders;
    private long _fills;
    private long _rejections;
    private long _alerts;
    private decimal _fees;
    private decimal _realizedOfClosedPositions;
    private long _lastMarketDataTicks = Environment.TickCount64;

    /// <summary>Subscribes on the kernel's bus; build it before the node starts (or on the kernel thread).</summary>
    public NodeActivity(TradingKernel kernel, ILoggerFactory loggers)
    {
        _kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
        _log = loggers.CreateLogger("Halyard.Alerts");
        _quotesMetric = _meter.CreateCounter<long>("halyard.node.quotes", description: "Quotes delivered to the kernel");
        _ordersMetric = _meter.CreateCounter<long>("halyard.node.orders", description: "Orders submitted by strategies and the risk manager");
        _fillsMetric = _meter.CreateCounter<long>("halyard.node.fills", description: "Fills (one per venue execution)");
        _rejectionsMetric = _meter.CreateCounter<long>("halyard.node.rejections", description: "Orders rejected by the venue or denied by pre-trade risk");
        _alertsMetric = _meter.CreateCounter<long>("halyard.node.alerts", description: "Alerts raised (unprotected position, halted trading, long disconnect)");
        kernel.Bus.Subscribe<QuoteTick>("data.quotes.*", OnQuote);
        kernel.Bus.Subscribe<TradeTick>("data.trades.*", OnTrade);
        kernel.Bus.Subscribe<IOrderEvent>("events.order.*", OnOrderEvent);
        kernel.Bus.Subscribe<IPositionEvent>("events.position.*", OnPositionEvent);
        kernel.Bus.Subscribe<PositionUnprotected>(RiskManager.UnprotectedTopic, OnUnprotected);
        kernel.Bus.Subscribe<TradingStateChanged>(RiskEngine.TradingStateTopic, OnTradingState);
    }

    /// <summary>Counted off the kernel thread too (disconnect alerts come from the monitor loop).</summary>
    public void RaiseAlert(string message, params object?[] args)
    {
        Interlocked.Increment(ref _alerts);
        _alertsMetric.Add(1);
#pragma warning disable CA2254 // the alert texts are fixed at the call sites
        _log.LogWarning("ALERT " + message, args);
#pragma warning restore CA2254
    }

    private void OnQuote(QuoteTick quote)
    {
        _quotes++;
        _quotesMetric.Add(1);
        Volatile.Write(ref _lastMarketDataTicks, Environment.TickCount64);
    }

    private void OnTrade(TradeTick trade)
    {
        _trades++;
        Volatile.Write(ref _lastMarketDataTicks, Environment.TickCount64);
    }

    /// <summary>How long since the last quote or trade reached the kernel (readable from any thread).</summary>
    public TimeSpan SinceLastMarketData => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastMarketDataTicks));

    /// <summary>Restarts the quiet-feed clock (when the node starts).</summary>
    public void MarkMarketDataNow() => Volatile.Write(ref _lastMarketDataTicks, Environment.TickCount64);

    private void OnOrderEvent(IOrderEvent e)
    {
        switch (e)
        {
            case OrderSubmitted:
                _orders++;
                _ordersMetric.Add(1);
                break;
            case OrderFilled fill:
                _fills++;
                _fees += fill.Commission.Amount;
                _fillsMetric.Add(1);
                break;
            case OrderRejected or OrderDenied:
                _rejections++;
                _rejectionsMetric.Add(1);
                break;
        }
    }

    // A position that reopens starts its realized PnL at zero, so each closed life is banked here.
    private void OnPositionEvent(IPositionEvent e)
    {
        if (e is PositionClosed closed) _realizedOfClosedPositions += closed.Position.RealizedPnl.Amount;
    }

    private void OnUnprotected(PositionUnprotected alert) =>
        RaiseAlert("position {PositionId} of {Strategy} in {Instrument} ({Qty}) has no working stop: {Reason}",
            alert.PositionId, alert.StrategyId, alert.InstrumentId, alert.SignedQty, alert.Reason);

    private void OnTradingState(TradingStateChanged change)
    {
        if (change.State == TradingState.Active) _log.LogInformation("Trading state is ACTIVE again: {Reason}", change.Reason);
        else RaiseAlert("trading state is {State}: {Reason}", change.State, change.Reason);
    }

    /// <summary>Counts, positions and PnL now. Kernel thread only.</summary>
    public NodeActivitySnapshot Snapshot()
    {
        decimal realized = _realizedOfClosedPositions, unrealized = 0;
        var positions = new List<(InstrumentId, decimal)>();
        foreach (Position p in _kernel.Cache.PositionsOpen())
        {
            realized += p.RealizedPnl.Amount;
            if (_kernel.Cache.Price(p.InstrumentId, p.IsLong ? OrderSide.Sell : OrderSide.Buy) is Price price)
                unrealized += p.UnrealizedPnl(price).Amount;
        }
        foreach (InstrumentId id in _kernel.Cache.Positions().Select(p => p.InstrumentId).Distinct())
            if (_kernel.Cache.NetPosition(id) is var net and not 0m) positions.Add((id, net));
        return new NodeActivitySnapshot(_quotes, _trades, _orders, _fills, _rejections, Interlocked.Read(ref _alerts), _fees,
            realized, unrealized, _kernel.Cache.OrdersOpenCount(), positions);
    }

    public void Dispose() => _meter.Dispose();
}
