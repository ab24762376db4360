using Halyard.Simulator.Market;

namespace Halyard.Simulator.Tests.Venue;

public sealed class ConfigurationTests
{
    [Fact]
    public void Genesis_reads_numbers_and_strings_and_lowercases_addresses()
    {
        var genesis = GenesisFile.Parse("""{"0xABCDEF0123456789ABCDEF0123456789ABCDEF01":"1000.5","0x0000000000000000000000000000000000000002":250}""");
        genesis["0xabcdef0123456789abcdef0123456789abcdef01"].ShouldBe(1000.5m);
        genesis["0x0000000000000000000000000000000000000002"].ShouldBe(250m);
    }

    [Theory]
    [InlineData("""{"bob":"1"}""", "bob")]
    [InlineData("""{"0x0000000000000000000000000000000000000002":"-1"}""", "0x0000000000000000000000000000000000000002")]
    [InlineData("""{"0x0000000000000000000000000000000000000002":true}""", "0x0000000000000000000000000000000000000002")]
    [InlineData("""[1]""", "object")]
    public void Bad_genesis_entries_are_named(string json, string named)
    {
        Should.Throw<FormatException>(() => GenesisFile.Parse(json)).Message.ShouldContain(named);
    }

    [Fact]
    public void Options_validation_names_the_field()
    {
        Should.Throw<ArgumentException>(() => new SimulatorOptions { Port = 70000 }.Validate()).ParamName.ShouldBe("Port");
        Should.Throw<ArgumentException>(() => new SimulatorOptions { TickInterval = TimeSpan.Zero }.Validate()).ParamName.ShouldBe("TickInterval");
        Should.Throw<ArgumentException>(() => new SimulatorOptions { Coins = [new("BTC", 5, 40, 1m), new("BTC", 5, 40, 1m)] }.Validate()).ParamName.ShouldBe("Coins");
        Should.Throw<ArgumentException>(() => new SimulatorOptions { Coins = [new("X", 9, 40, 1m)] }.Validate()).ParamName.ShouldBe("SzDecimals");
        new SimulatorOptions().ControlApiEnabled.ShouldBeTrue();
        new SimulatorOptions { Host = "0.0.0.0" }.ControlApiEnabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1m", 1_700_000_123_456, 1_700_000_100_000, 1_700_000_159_999)]
    [InlineData("1h", 1_700_000_123_456, 1_699_999_200_000, 1_700_002_799_999)]
    [InlineData("1w", 1_700_000_123_456, 1_699_833_600_000, 1_700_438_399_999)] // Monday 2023-11-13 00:00 UTC
    [InlineData("1M", 1_700_000_123_456, 1_698_796_800_000, 1_701_388_799_999)] // November 2023
    public void Candle_bounds_follow_the_interval(string interval, long time, long open, long close)
    {
        CandleBook.Bounds(interval, time).ShouldBe((open, close));
    }
}
