using Halyard.Core.Model;

namespace Halyard.Core.Tests.Model;

public class QuantityTests
{
    [Fact]
    public void A_quantity_cannot_be_negative() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Quantity.FromRaw(-1, 0));

    [Fact]
    public void Notional_is_exact_for_large_values()
    {
        Quantity.Parse("12.34567").NotionalAt(Price.Parse("123456.7")).ShouldBe(1_524_155.677_489m);
        Quantity.Parse("0.00001").NotionalAt(Price.Parse("0.000001")).ShouldBe(0.00000000001m);
    }

    [Fact]
    public void Rounds_to_the_lot_size()
    {
        Quantity.Parse("0.1234").RoundToLot(Quantity.Parse("0.005"), RoundingDirection.Down).ToString().ShouldBe("0.1200");
        Quantity.Parse("0.1234").RoundToLot(Quantity.Parse("0.005"), RoundingDirection.Up).ToString().ShouldBe("0.1250");
    }
}
