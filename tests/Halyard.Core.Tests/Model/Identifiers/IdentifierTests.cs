using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model.Identifiers;

public class IdentifierTests
{
    [Fact]
    public void Trader_and_strategy_ids_need_a_name_and_a_tag()
    {
        new TraderId("TRADER-001").Tag.ShouldBe("001");
        new StrategyId("MyStrategy-001").Tag.ShouldBe("001");
        Should.Throw<ArgumentException>(() => new TraderId("TRADER")).Message.ShouldContain("trader id 'TRADER' must be NAME-TAG");
        Should.Throw<ArgumentException>(() => new StrategyId("MyStrategy-")).Message.ShouldContain("strategy id");
        StrategyId.External.IsExternal.ShouldBeTrue();
    }

    [Fact]
    public void Account_id_splits_into_issuer_and_number()
    {
        var id = new AccountId("VENUE-0xabc");
        id.Issuer.ShouldBe("VENUE");
        id.Number.ShouldBe("0xabc");
        AccountId.For(new Venue("venue"), "0x1").Value.ShouldBe("VENUE-0x1");
        Should.Throw<ArgumentException>(() => new AccountId("0xabc")).Message.ShouldContain("ISSUER-NUMBER");
    }

    [Fact]
    public void Netting_position_id_joins_instrument_and_strategy()
    {
        PositionId.Netting(InstrumentId.Perpetual("BTC"), new StrategyId("MyStrategy-001")).Value
            .ShouldBe("BTC-USD-PERP.HYPERLIQUID-MyStrategy-001");
    }

    [Fact]
    public void Ids_compare_by_value()
    {
        new TradeId("t1").ShouldBe(new TradeId("t1"));
        new VenueOrderId("1").ShouldNotBe(new VenueOrderId("2"));
        Should.Throw<ArgumentException>(() => new TradeId(""));
    }
}
