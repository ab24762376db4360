using Halyard.Core.Cache;
using Halyard.Core.Model;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Cache;

public class InMemoryCacheTests
{
    private static readonly TraderId Trader = new("TESTER-001");
    private static readonly StrategyId A = new("A-001");
    private static readonly StrategyId B = new("B-001");
    private readonly InMemoryCache _cache = new();
    private readonly CryptoPerpetual _eth = TestInstruments.Eth();
    private long _now = 1_000;

    private Order NewOrder(StrategyId strategy, InstrumentId? instrument = null) =>
        new OrderFactory(Trader, strategy, () => ++_now, new ClientOrderIdGenerator(Trader, strategy, () => _now, (int)_now))
            .Limit(instrument ?? _eth.Id, OrderSide.Buy, Quantity.Parse("1.000"), Price.Parse("100.0"));

    private void Accept(Order order, string venueId)
    {
        order.Apply(new OrderSubmitted(Trader, order.StrategyId, order.InstrumentId, order.ClientOrderId, AccountId.For(order.InstrumentId.Venue, "X"), Guid.NewGuid(), ++_now, _now)).IsApplied.ShouldBeTrue();
        _cache.UpdateOrder(order);
        order.Apply(new OrderAccepted(Trader, order.StrategyId, order.InstrumentId, order.ClientOrderId, new VenueOrderId(venueId), AccountId.For(order.InstrumentId.Venue, "X"), Guid.NewGuid(), ++_now, _now)).IsApplied.ShouldBeTrue();
        _cache.UpdateOrder(order);
    }

    [Fact]
    public void Orders_are_found_by_client_id_venue_id_strategy_instrument_and_state()
    {
        var btc = InstrumentId.Perpetual("BTC");
        Order a1 = NewOrder(A), a2 = NewOrder(A, btc), b1 = NewOrder(B);
        foreach (Order o in new[] { a1, a2, b1 }) _cache.AddOrder(o).ShouldBeTrue();
        _cache.AddOrder(a1).ShouldBeFalse(); // a client order id is added once

        Accept(a1, "V-1");
        Accept(b1, "V-2");
        b1.Apply(new OrderCanceled(Trader, B, b1.InstrumentId, b1.ClientOrderId, new VenueOrderId("V-2"), null, Guid.NewGuid(), ++_now, _now));
        _cache.UpdateOrder(b1);

        _cache.Order(a1.ClientOrderId).ShouldBeSameAs(a1);
        _cache.ClientOrderIdFor(new VenueOrderId("V-1")).ShouldBe(a1.ClientOrderId);
        _cache.ClientOrderIdFor(new VenueOrderId("V-9")).ShouldBeNull();
        _cache.Orders(strategyId: A).ShouldBe([a1, a2]);
        _cache.Orders(instrumentId: _eth.Id).ShouldBe([a1, b1]);
        _cache.OrdersOpen().ShouldBe([a1]);
        _cache.OrdersClosed().ShouldBe([b1]);
        _cache.OrdersInflight().ShouldBeEmpty();
        _cache.OrdersOpenCount(strategyId: B).ShouldBe(0);
        _cache.Orders(btc, B).ShouldBeEmpty();
    }

    [Fact]
    public void The_position_an_order_was_submitted_for_is_remembered()
    {
        Order order = NewOrder(A);
        var positionId = new PositionId("P-1");
        _cache.AddOrder(order, positionId);
        _cache.PositionIdFor(order.ClientOrderId).ShouldBe(positionId);
        _cache.PositionIdFor(NewOrder(A).ClientOrderId).ShouldBeNull();
    }

    [Fact]
    public void Net_position_sums_every_strategys_open_position_in_the_instrument()
    {
        _cache.AddPosition(new Position(_eth, FillOf(A, OrderSide.Buy, "1.000")));
        _cache.AddPosition(new Position(_eth, FillOf(B, OrderSide.Sell, "0.400")));
        _cache.NetPosition(_eth.Id).ShouldBe(0.6m);
        _cache.PositionsOpen(strategyId: B).ShouldHaveSingleItem().SignedQty.ShouldBe(-0.4m);
        _cache.PositionsClosed().ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => _cache.AddPosition(new Position(_eth, FillOf(A, OrderSide.Buy, "1.000"))));
    }

    [Fact]
    public void Unknown_things_come_back_null_or_empty()
    {
        _cache.Instrument(_eth.Id).ShouldBeNull();
        _cache.Order(new ClientOrderId("nope")).ShouldBeNull();
        _cache.Position(new PositionId("nope")).ShouldBeNull();
        _cache.Account(new AccountId("HYPERLIQUID-x")).ShouldBeNull();
        _cache.Price(_eth.Id).ShouldBeNull();
        _cache.OrderBook(_eth.Id).ShouldBeNull();
        _cache.Instruments().ShouldBeEmpty();
    }

    [Fact]
    public void Instruments_list_in_id_order_and_filter_by_venue()
    {
        _cache.AddInstrument(TestInstruments.Eth("OTHER"));
        _cache.AddInstrument(_eth);
        _cache.Instruments().Select(i => i.Id.ToString()).ShouldBe(["ETH-USD-PERP.HYPERLIQUID", "ETH-USD-PERP.OTHER"]);
        _cache.Instruments(new Venue("OTHER")).ShouldHaveSingleItem();
    }

    [Fact]
    public void Accounts_list_in_id_order_and_follow_an_added_or_replaced_account()
    {
        static Account AccountOf(string id, decimal usdc) => new(new AccountState(new AccountId(id), AccountType.Margin, Currency.Usdc,
            [AccountBalance.FromTotal(new Money(usdc, Currency.Usdc), Money.Zero(Currency.Usdc))], [], IsReported: true, Guid.NewGuid(), 1, 1));
        Account b = AccountOf("HYPERLIQUID-B", 10m);
        _cache.AddAccount(b);
        IReadOnlyList<Account> first = _cache.Accounts();
        first.ShouldBe([b]);
        _cache.Accounts().ShouldBeSameAs(first); // asked every equity check: kept, not rebuilt
        _cache.AddAccount(b);
        _cache.Accounts().ShouldBeSameAs(first);

        Account a = AccountOf("HYPERLIQUID-A", 20m);
        _cache.AddAccount(a);
        _cache.Accounts().ShouldBe([a, b]);
        Account b2 = AccountOf("HYPERLIQUID-B", 30m);
        _cache.AddAccount(b2);
        _cache.Accounts().ShouldBe([a, b2]);
        first.ShouldBe([b]); // a list handed out earlier does not change under its holder
    }

    [Fact]
    public void Open_positions_are_an_empty_list_when_none_is_open()
    {
        _cache.PositionsOpen().ShouldBeEmpty();
        _cache.AddPosition(new Position(_eth, FillOf(A, OrderSide.Buy, "1.000")));
        _cache.PositionsOpen().ShouldHaveSingleItem().StrategyId.ShouldBe(A);
        _cache.PositionsOpen(strategyId: B).ShouldBeEmpty();
    }

    private OrderFilled FillOf(StrategyId strategy, OrderSide side, string qty) =>
        new(Trader, strategy, _eth.Id, new ClientOrderId($"O-{++_now}"), new VenueOrderId($"V-{_now}"), new AccountId("HYPERLIQUID-X"),
            new TradeId($"T-{_now}"), PositionId.Netting(_eth.Id, strategy), side, OrderType.Market, Quantity.Parse(qty), Price.Parse("100.0"),
            Currency.Usd, Money.Zero(Currency.Usdc), LiquiditySide.Taker, Guid.NewGuid(), _now, _now);
}
