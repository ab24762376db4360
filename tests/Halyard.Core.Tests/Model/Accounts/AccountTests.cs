using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Accounts;

public class AccountTests
{
    private static readonly AccountId Id = new("VENUE-0xabc");
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");
    private static readonly InstrumentId Eth = InstrumentId.Perpetual("ETH");
    private static Money Usdc(decimal amount) => new(amount, Currency.Usdc);

    private static AccountState Reported(decimal total, decimal locked, long ts, params MarginBalance[] margins) =>
        new(Id, AccountType.Margin, Currency.Usdc, [AccountBalance.FromTotal(Usdc(total), Usdc(locked))], margins, IsReported: true, Guid.NewGuid(), ts, ts);

    private static OrderFilled FillWithFee(decimal fee) => new(
        new TraderId("TRADER-001"), new StrategyId("S-001"), Btc, new ClientOrderId("O-1"), new VenueOrderId("1"), Id, new TradeId("t"), null,
        OrderSide.Buy, OrderType.Limit, Quantity.Parse("1"), Price.Parse("100"), Currency.Usd, Usdc(fee), LiquiditySide.Maker, Guid.NewGuid(), 5, 5);

    [Fact]
    public void Venue_snapshot_sets_balances_and_margins()
    {
        var account = new Account(Reported(1000m, 50m, 1, new MarginBalance(Usdc(10m), Usdc(40m), Btc)));
        account.Total(Currency.Usdc).ShouldBe(Usdc(1000m));
        account.Locked(Currency.Usdc).ShouldBe(Usdc(50m));
        account.Free(Currency.Usdc).ShouldBe(Usdc(950m));
        account.Margins[Btc].Maintenance.ShouldBe(Usdc(40m));
        account.Type.ShouldBe(AccountType.Margin);
    }

    [Fact]
    public void A_later_snapshot_replaces_everything_and_a_stale_one_is_refused()
    {
        var account = new Account(Reported(1000m, 50m, 10, new MarginBalance(Usdc(10m), Usdc(40m), Btc)));
        account.Apply(Reported(900m, 0m, 20), out string? error).ShouldBeTrue(error);
        account.Total(Currency.Usdc).ShouldBe(Usdc(900m));
        account.Margins.ShouldBeEmpty();
        account.Apply(Reported(1m, 0m, 15), out error).ShouldBeFalse();
        error.ShouldBe("stale account state for VENUE-0xabc: reported at 15, already have 20");
        account.Total(Currency.Usdc).ShouldBe(Usdc(900m));
    }

    [Fact]
    public void Commissions_and_realized_pnl_change_total_and_free_locally()
    {
        var account = new Account(Reported(1000m, 100m, 1));
        account.ApplyCommission(FillWithFee(0.25m));   // 1000 − 0.25
        account.ApplyCommission(FillWithFee(-0.05m));  // maker rebate: + 0.05
        account.ApplyRealizedPnl(Usdc(12.5m), 6);      // + 12.5
        account.Total(Currency.Usdc).ShouldBe(Usdc(1012.3m));
        account.Locked(Currency.Usdc).ShouldBe(Usdc(100m));
        account.Free(Currency.Usdc).ShouldBe(Usdc(912.3m));
        AccountState snapshot = account.Snapshot(Guid.NewGuid(), 7);
        snapshot.IsReported.ShouldBeFalse();
        snapshot.Balances.Single().Total.ShouldBe(Usdc(1012.3m));
        snapshot.TsEvent.ShouldBe(6);
    }

    [Fact]
    public void Margins_lock_balance_per_currency()
    {
        var account = new Account(Reported(1000m, 0m, 1));
        account.SetMargin(new MarginBalance(Usdc(20m), Usdc(30m), Btc), 2);
        account.SetMargin(new MarginBalance(Usdc(5m), Usdc(0m), Eth), 3);
        account.Locked(Currency.Usdc).ShouldBe(Usdc(55m)); // 20 + 30 + 5
        account.Free(Currency.Usdc).ShouldBe(Usdc(945m));
        account.ClearMargin(Btc, 4);
        account.Locked(Currency.Usdc).ShouldBe(Usdc(5m));
    }

    [Fact]
    public void Balance_parts_must_add_up_and_share_a_currency()
    {
        Should.Throw<ArgumentException>(() => new AccountBalance(Usdc(10m), Usdc(3m), Usdc(6m))).Message.ShouldContain("must equal locked");
        Should.Throw<ArgumentException>(() => new AccountBalance(Usdc(10m), new Money(0m, Currency.Usd), Usdc(10m))).Message.ShouldContain("one currency");
    }

    [Fact]
    public void A_cash_account_holds_no_margin()
    {
        var state = new AccountState(Id, AccountType.Cash, null, [AccountBalance.FromTotal(Usdc(5m), Usdc(0m))], [], false, Guid.NewGuid(), 1, 1);
        var account = new Account(state);
        Should.Throw<InvalidOperationException>(() => account.SetMargin(new MarginBalance(Usdc(1m), Usdc(1m), Btc), 2));
        account.Apply(state with { AccountId = new AccountId("VENUE-other") }, out string? error).ShouldBeFalse();
        error.ShouldBe("account state for VENUE-other cannot apply to account VENUE-0xabc");
    }
}
