namespace Halyard.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void Arithmetic_works() => (1 + 1).ShouldBe(2);
}
