using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Samples.Backtest;

/// <summary>
/// A small trend follower on quotes: goes long with a market order when the fast average of the mid
/// crosses above the slow one, short when it crosses below, one position of <see cref="MidCrossStrategyConfig.TradeSize"/>
/// at a time. The averages are signals (double); orders use the instrument's exact sizes. It only uses the
/// Strategy API, so it runs unchanged live, against the simulator and in a backtest.
/// </summary>
public sealed class MidCrossStrategy : Strategy
{
    private readonly MidCrossStrategyConfig _config;
    private readonly double _fastAlpha;
    private readonly double _slowAlpha;
    private Quantity _size;
    private double _fast;
    private double _slow;
    private long _seen;
    private int _side; // +1 long, −1 short, 0 flat (target the strategy last asked for)
    private bool _inflight;

    public MidCrossStrategy(MidCrossStrategyConfig config) : base(Validated(config).StrategyId)
    {
        _config = config;
        _fastAlpha = 2.0 / (config.FastPeriod + 1);
        _slowAlpha = 2.0 / (config.SlowPeriod + 1);
    }

    private static MidCrossStrategyConfig Validated(MidCrossStrategyConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        return config;
    }

    /// <summary>Orders this strategy submitted.</summary>
    public int OrdersSubmitted { get; private set; }

    protected override void OnStart()
    {
        Instrument instrument = Cache.Instrument(_config.InstrumentId)
            ?? throw new InvalidOperationException($"instrument {_config.InstrumentId} is not in the cache");
        _size = instrument.MakeQuantity(_config.TradeSize);
        SubscribeQuotes(_config.InstrumentId);
    }

    protected override void OnQuote(QuoteTick quote)
    {
        double mid = (quote.BidPrice.Raw + quote.AskPrice.Raw) * 0.5;
        if (_seen++ == 0)
        {
            _fast = _slow = mid;
            return;
        }
        _fast += _fastAlpha * (mid - _fast);
        _slow += _slowAlpha * (mid - _slow);
        if (_seen < _config.SlowPeriod || _inflight) return;
        int want = _fast > _slow ? 1 : _fast < _slow ? -1 : _side;
        if (want == _side) return;
        // Flip: close what we hold and open the other way in one order.
        Quantity qty = _side == 0 ? _size : _size + _size;
        _side = want;
        _inflight = true;
        OrdersSubmitted++;
        SubmitOrder(OrderFactory.Market(_config.InstrumentId, want > 0 ? OrderSide.Buy : OrderSide.Sell, qty));
    }

    protected override void OnOrderEvent(IOrderEvent orderEvent)
    {
        if (orderEvent.Kind is OrderEventKind.Filled or OrderEventKind.Canceled or OrderEventKind.Rejected or OrderEventKind.Denied)
        {
            Order? order = Cache.Order(orderEvent.ClientOrderId);
            if (order is null || order.IsClosed) _inflight = false;
            if (orderEvent.Kind is OrderEventKind.Rejected or OrderEventKind.Denied) _side = (int)Math.Sign(Cache.NetPosition(_config.InstrumentId));
        }
    }
}
