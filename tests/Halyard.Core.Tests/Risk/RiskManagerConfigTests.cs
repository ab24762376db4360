using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Core.Risk;

namespace Halyard.Core.Tests.Risk;

public class RiskManagerConfigTests
{
    public static TheoryData<string, RiskManagerConfig> Invalid => new()
    {
        { "StopLoss.Value", new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(0m) } },
        { "StopLoss.Value", new RiskManagerConfig { StopLoss = ProtectiveDistance.Percent(2m) } },
        { "StopLoss.AtrBars", new RiskManagerConfig { StopLoss = new ProtectiveDistance(StopDistanceKind.AtrMultiple, 2m) } },
        { "StopLoss.AtrPeriod", new RiskManagerConfig { StopLoss = ProtectiveDistance.Atr(2m, BarSpecification.Parse("1-MINUTE-LAST"), period: 0) } },
        { "TakeProfit.OrderType", new RiskManagerConfig { TakeProfit = new TakeProfitConfig(ProtectiveDistance.Percent(0.01m), OrderType.Limit) } },
        { "TakeProfit.Distance.Value", new RiskManagerConfig { TakeProfit = new TakeProfitConfig(ProtectiveDistance.Absolute(-1m)) } },
        { "ProtectionTimeout", new RiskManagerConfig { ProtectionTimeout = TimeSpan.Zero } },
        { "RetryDelay", new RiskManagerConfig { RetryDelay = TimeSpan.FromSeconds(10) } },
        { "MaxPositionSize", new RiskManagerConfig { MaxPositionSize = 0m } },
        { "MaxPositionNotional", new RiskManagerConfig { MaxPositionNotional = -5m } },
        { "MaxTotalExposure", new RiskManagerConfig { MaxTotalExposure = 0m } },
        { "MaxLeverage", new RiskManagerConfig { MaxLeverage = 0m } },
        { "MaxOrderNotional", new RiskManagerConfig { MaxOrderNotional = 0m } },
        { "MaxOpenOrders", new RiskManagerConfig { MaxOpenOrders = 0 } },
        { "MaxOrderRate", new RiskManagerConfig { MaxOrderRate = -1 } },
        { "OrderRateInterval", new RiskManagerConfig { OrderRateInterval = TimeSpan.Zero } },
        { "DailyLossLimit", new RiskManagerConfig { DailyLossLimit = 0m } },
        { "MaxDrawdown", new RiskManagerConfig { MaxDrawdown = 1.5m } },
        { "DailyLossState", new RiskManagerConfig { DailyLossState = TradingState.Active } },
        { "DrawdownState", new RiskManagerConfig { DrawdownState = (TradingState)42 } },
        { "EquityCheckInterval", new RiskManagerConfig { EquityCheckInterval = TimeSpan.Zero } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_setting_is_refused_naming_its_field(string field, RiskManagerConfig config)
    {
        ArgumentException error = Should.Throw<ArgumentException>(() => config.Validate());
        error.ParamName.ShouldBe(field);
        error.Message.ShouldContain(field);
    }

    [Fact]
    public void The_node_config_names_the_risk_manager_field_at_fault()
    {
        var config = new TradingNodeConfig { RiskManager = new RiskManagerConfig { MaxDrawdown = 0m } };
        ConfigException error = Should.Throw<ConfigException>(() => config.Validate());
        error.Field.ShouldBe("RiskManager.MaxDrawdown");
    }

    [Fact]
    public void The_defaults_and_a_full_config_are_valid()
    {
        new RiskManagerConfig().Validate().StopLoss.ShouldBeNull();
        new RiskManagerConfig
        {
            StopLoss = ProtectiveDistance.Atr(2m, BarSpecification.Parse("1-MINUTE-LAST")),
            TakeProfit = new TakeProfitConfig(ProtectiveDistance.Percent(0.03m), OrderType.LimitIfTouched),
            MaxPositionSize = 1m, MaxPositionNotional = 10_000m, MaxTotalExposure = 20_000m, MaxLeverage = 3m,
            MaxOrderNotional = 5_000m, MaxOpenOrders = 20, MaxOrderRate = 10, DailyLossLimit = 500m, MaxDrawdown = 0.1m,
        }.Validate();
        new TradingNodeConfig().Validate().RiskManager.ShouldNotBeNull();
    }
}
