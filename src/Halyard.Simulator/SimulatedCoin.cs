namespace Halyard.Simulator;

/// <summary>One perpetual of the simulated universe: its meta entry and where its living market starts.</summary>
/// <param name="Name">Coin name as in <c>meta.universe</c> ("BTC").</param>
/// <param name="SzDecimals">Size decimals; prices get at most 6 − SzDecimals decimals.</param>
/// <param name="MaxLeverage">Highest leverage an account may set.</param>
/// <param name="InitialPx">Fair (and mark) price at start.</param>
/// <param name="Volatility">Standard deviation of the fair price's relative move per tick (0.0005 = 5 bp).</param>
public sealed record SimulatedCoin(string Name, int SzDecimals, int MaxLeverage, decimal InitialPx, double Volatility = 0.0005)
{
    /// <summary>The default universe: BTC, ETH, SOL with the exchange's size decimals and leverage caps.</summary>
    public static IReadOnlyList<SimulatedCoin> DefaultUniverse { get; } =
    [
        new("BTC", 5, 40, 100_000m),
        new("ETH", 4, 25, 3_500m),
        new("SOL", 2, 20, 180m),
    ];

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 20)
            throw new ArgumentException($"coin name '{Name}' must be 1-20 characters", nameof(Name));
        if (SzDecimals is < 0 or > 6)
            throw new ArgumentOutOfRangeException(nameof(SzDecimals), SzDecimals, $"{Name}: must be between 0 and 6");
        if (MaxLeverage is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(MaxLeverage), MaxLeverage, $"{Name}: must be between 1 and 100");
        if (InitialPx <= 0)
            throw new ArgumentOutOfRangeException(nameof(InitialPx), InitialPx, $"{Name}: must be positive");
        if (Volatility is < 0 or > 0.1)
            throw new ArgumentOutOfRangeException(nameof(Volatility), Volatility, $"{Name}: must be between 0 and 0.1");
    }
}
