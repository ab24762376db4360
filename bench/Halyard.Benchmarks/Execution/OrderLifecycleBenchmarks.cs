using BenchmarkDotNet.Attributes;
using Halyard.Core.Execution;
using Halyard.Core.Model;

namespace Halyard.Benchmarks.Execution;

/// <summary>
/// Cost of the order/position model on the execution path: one order's whole life (create, submit, accept,
/// two fills; events included) and one position's life (open, increase, reduce, close) from prebuilt fills.
/// </summary>
[MemoryDiagnoser]
public class OrderLifecycleBenchmarks
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private static readonly AccountId Account = new("VENUE-0xabc");
    private static readonly VenueOrderId VenueId = new("123");
    private static readonly TradeId Trade1 = new("t1"), Trade2 = new("t2");
    private static readonly Quantity Half = Quantity.Parse("0.5", 5), One = Quantity.Parse("1", 5);
    private static readonly Price Px = Price.Parse("65000", 1);
    private static readonly Money Fee = new(0.01m, Currency.Usdc);

    private readonly OrderFactory _factory = new(new TraderId("TRADER-001"), new StrategyId("Bench-001"), () => 1_700_000_000_000_000_000);
    private CryptoPerpetual _instrument = null!;
    private OrderFilled[] _positionFills = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instrument = new CryptoPerpetual
        {
            Id = Btc, RawSymbol = "BTC", BaseCurrency = new Currency("BTC", 5), QuoteCurrency = Currency.Usd, SettlementCurrency = Currency.Usdc,
            PricePrecision = 1, SizePrecision = 5, PriceIncrement = Price.Parse("0.1"), SizeIncrement = Quantity.Parse("0.00001"), MaxLeverage = 40,
        };
        Order o = _factory.Market(Btc, OrderSide.Buy, One);
        _positionFills =
        [
            Fill(o, OrderSide.Buy, One, "a"), Fill(o, OrderSide.Buy, Half, "b"), Fill(o, OrderSide.Sell, Half, "c"), Fill(o, OrderSide.Sell, One, "d"),
        ];
    }

    private static OrderFilled Fill(Order o, OrderSide side, Quantity qty, string tradeId) =>
        new(o.TraderId, o.StrategyId, Btc, o.ClientOrderId, VenueId, Account, new TradeId(tradeId), null, side, o.OrderType, qty, Px,
            Currency.Usd, Fee, LiquiditySide.Taker, Guid.Empty, 1, 1);

    [Benchmark]
    public OrderStatus OrderLife()
    {
        Order o = _factory.Limit(Btc, OrderSide.Buy, One, Px);
        o.Apply(new OrderSubmitted(o.TraderId, o.StrategyId, Btc, o.ClientOrderId, Account, Guid.Empty, 1, 1));
        o.Apply(new OrderAccepted(o.TraderId, o.StrategyId, Btc, o.ClientOrderId, VenueId, Account, Guid.Empty, 2, 2));
        o.Apply(new OrderFilled(o.TraderId, o.StrategyId, Btc, o.ClientOrderId, VenueId, Account, Trade1, null, OrderSide.Buy, OrderType.Limit,
            Half, Px, Currency.Usd, Fee, LiquiditySide.Maker, Guid.Empty, 3, 3));
        o.Apply(new OrderFilled(o.TraderId, o.StrategyId, Btc, o.ClientOrderId, VenueId, Account, Trade2, null, OrderSide.Buy, OrderType.Limit,
            Half, Px, Currency.Usd, Fee, LiquiditySide.Maker, Guid.Empty, 4, 4));
        return o.Status;
    }

    [Benchmark]
    public decimal PositionLife()
    {
        var position = new Position(_instrument, _positionFills[0]);
        for (int i = 1; i < _positionFills.Length; i++) position.Apply(_positionFills[i]);
        return position.RealizedPnl.Amount;
    }

    [Benchmark]
    public OrderStatus StateMachineStep()
    {
        OrderStateMachine.TryTransition(OrderStatus.Accepted, OrderStatus.Accepted, OrderEventKind.Filled, false, out OrderStatus next, out _);
        return next;
    }
}
