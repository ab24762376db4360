namespace Halyard.Core.Model;

/// <summary>
/// A netted position: one per instrument per strategy (<see cref="PositionId.Netting"/>), as a strategy sees
/// its own exposure; the venue's account-wide position is the sum over strategies. Buys add, sells subtract;
/// a fill through zero flips the side at the fill price. Prices and PnL are exact decimals of a linear
/// contract (PnL = Δprice × quantity, in the instrument's settlement currency).
/// </summary>
public sealed partial class Position
{
    private readonly HashSet<TradeId> _tradeIds = [];
    private readonly List<OrderFilled> _fills = [];
    private readonly Dictionary<Currency, decimal> _commissions = [];
    private readonly byte _sizePrecision;
    private long _signedRaw;
    private long _peakRaw;
    private decimal _closedQty;      // quantity reduced since opened, for AvgPxClose
    private decimal _closedNotional; // Σ reduced qty × fill price

    /// <summary>Opens a position from its first fill; throws <see cref="ArgumentException"/> when the fill is for another instrument.</summary>
    public Position(Instrument instrument, OrderFilled fill)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(fill);
        if (fill.InstrumentId != instrument.Id)
            throw new ArgumentException($"fill {fill.TradeId} is for {fill.InstrumentId}, not {instrument.Id}", nameof(fill));
        InstrumentId = instrument.Id;
        Currency = instrument is CryptoPerpetual perp ? perp.SettlementCurrency : instrument.QuoteCurrency;
        _sizePrecision = instrument.SizePrecision;
        Id = fill.PositionId ?? PositionId.Netting(instrument.Id, fill.StrategyId);
        TraderId = fill.TraderId;
        StrategyId = fill.StrategyId;
        AccountId = fill.AccountId;
        OpeningOrderId = fill.ClientOrderId;
        RealizedPnl = Money.Zero(Currency);
        PositionUpdate opened = Apply(fill);
        if (opened.Kind != PositionChangeKind.Opened) throw new ArgumentException(opened.Error ?? "fill did not open the position", nameof(fill));
    }

    public PositionId Id { get; }
    public TraderId TraderId { get; }
    public StrategyId StrategyId { get; }
    public InstrumentId InstrumentId { get; }
    public AccountId AccountId { get; private set; }
    /// <summary>Settlement currency of PnL.</summary>
    public Currency Currency { get; }

    /// <summary>Order whose fill opened the current position (after a flip: the flipping order).</summary>
    public ClientOrderId OpeningOrderId { get; private set; }
    /// <summary>Order whose fill last closed it; null while it has never gone flat since opening.</summary>
    public ClientOrderId? ClosingOrderId { get; private set; }
    /// <summary>Side of the opening fill: Buy for a long, Sell for a short.</summary>
    public OrderSide Entry { get; private set; }

    public PositionSide Side => _signedRaw > 0 ? PositionSide.Long : _signedRaw < 0 ? PositionSide.Short : PositionSide.Flat;
    /// <summary>Quantity signed by side (+ long, − short).</summary>
    public decimal SignedQty => FixedPoint.ToDecimal(_signedRaw);
    public Quantity Quantity => Quantity.FromSignedRaw(_signedRaw, _sizePrecision);
    /// <summary>Largest absolute quantity held since it opened.</summary>
    public Quantity PeakQuantity => Quantity.FromRaw(_peakRaw, _sizePrecision);

    /// <summary>Exact average entry price of the open quantity (kept after close for reporting).</summary>
    public decimal AvgPxOpen { get; private set; }
    /// <summary>Exact average price of the reductions since it opened; null before the first reduction.</summary>
    public decimal? AvgPxClose => _closedQty == 0m ? null : _closedNotional / _closedQty;
    /// <summary>Realized PnL since it opened, net of commissions paid in <see cref="Currency"/>.</summary>
    public Money RealizedPnl { get; private set; }
    /// <summary>Commissions since it opened, by currency (negative for rebates).</summary>
    public IReadOnlyDictionary<Currency, decimal> Commissions => _commissions;

    public Quantity LastQty { get; private set; }
    public Price LastPx { get; private set; }
    public TradeId LastTradeId { get; private set; }

    public long TsOpened { get; private set; }
    public long? TsClosed { get; private set; }
    public long TsLast { get; private set; }
    /// <summary>Time from open to close; 0 while open.</summary>
    public long DurationNs => TsClosed is long closed ? closed - TsOpened : 0;

    public bool IsOpen => _signedRaw != 0;
    public bool IsClosed => _signedRaw == 0;
    public bool IsLong => _signedRaw > 0;
    public bool IsShort => _signedRaw < 0;

    /// <summary>Every fill applied over the position's life (across reopenings), oldest first.</summary>
    public IReadOnlyList<OrderFilled> Fills => _fills;

    /// <summary>PnL of the open quantity if it were closed at <paramref name="price"/>.</summary>
    public Money UnrealizedPnl(Price price) => new(ProfitPerUnit(price.ToDecimal()) * Math.Abs(SignedQty), Currency);

    /// <summary>Realized plus unrealized PnL at <paramref name="price"/>.</summary>
    public Money TotalPnl(Price price) => RealizedPnl + UnrealizedPnl(price);

    /// <summary>Notional of the open quantity at <paramref name="price"/> (always positive).</summary>
    public decimal NotionalAt(Price price) => Quantity.NotionalAt(price);

    /// <summary>This position's state now, with unrealized PnL at the last fill price.</summary>
    public PositionSnapshot Snapshot() => new(
        TraderId, StrategyId, InstrumentId, Id, AccountId, OpeningOrderId, ClosingOrderId, Entry, Side, SignedQty, Quantity, PeakQuantity,
        LastQty, LastPx, LastTradeId, Currency, AvgPxOpen, AvgPxClose, RealizedPnl, UnrealizedPnl(LastPx),
        [.. _commissions.Select(c => new Money(c.Value, c.Key))], TsOpened, TsClosed, DurationNs);

    /// <summary>The events to publish for <paramref name="update"/> (none for a duplicate or invalid fill).</summary>
    public IReadOnlyList<IPositionEvent> EventsFor(PositionUpdate update, Func<Guid> newEventId, long tsInit)
    {
        ArgumentNullException.ThrowIfNull(newEventId);
        return update.Kind switch
        {
            PositionChangeKind.Opened => [new PositionOpened(Snapshot(), newEventId(), TsLast, tsInit)],
            PositionChangeKind.Changed => [new PositionChanged(Snapshot(), newEventId(), TsLast, tsInit)],
            PositionChangeKind.Closed => [new PositionClosed(Snapshot(), newEventId(), TsLast, tsInit)],
            PositionChangeKind.Flipped =>
            [
                new PositionClosed(update.ClosedLeg!, newEventId(), TsLast, tsInit),
                new PositionOpened(Snapshot(), newEventId(), TsLast, tsInit),
            ],
            _ => [],
        };
    }

    /// <summary>Profit per unit of the open quantity at <paramref name="price"/>: long gains when price rises, short when it falls.</summary>
    private decimal ProfitPerUnit(decimal price) => _signedRaw switch
    {
        > 0 => price - AvgPxOpen,
        < 0 => AvgPxOpen - price,
        _ => 0m,
    };

    public override string ToString() => $"Position({Id}, {Side} {Quantity} @ {AvgPxOpen}, realized {RealizedPnl})";
}
