using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Data;

public sealed class MarketDataQueryTests
{
    [Fact]
    public void A_query_without_kinds_is_rejected_naming_the_field()
    {
        Should.Throw<ArgumentException>(() => new MarketDataQuery([]).Validate()).ParamName.ShouldBe("Kinds");
    }

    [Fact]
    public void A_query_whose_start_is_after_its_end_is_rejected_naming_the_field()
    {
        Should.Throw<ArgumentException>(() => MarketDataQuery.For(MarketDataKind.QuoteTick, null, 10, 9).Validate()).ParamName.ShouldBe("StartNs");
    }

    [Fact]
    public void For_builds_a_single_kind_single_instrument_query_over_all_time_by_default()
    {
        var btc = InstrumentId.Parse("BTC-USD-PERP");
        MarketDataQuery query = MarketDataQuery.For(MarketDataKind.TradeTick, btc);
        query.Kinds.ShouldBe([MarketDataKind.TradeTick]);
        query.Instruments.ShouldBe([btc]);
        query.StartNs.ShouldBe(0);
        query.EndNs.ShouldBe(long.MaxValue);
        query.Validate();
    }
}
