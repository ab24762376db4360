using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Samples.Backtest;

namespace Halyard.Cli.Commands;

/// <summary>The strategies `halyard backtest --strategy NAME` can build, by name; the first is the default.</summary>
internal static class BacktestStrategyRegistry
{
    public const string Default = "midcross";

    private static readonly Dictionary<string, Func<CryptoPerpetual, decimal, Strategy>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        // One order worth about $100 at the first recorded price: small enough for the default balance.
        [Default] = (instrument, price) => new MidCrossStrategy(new MidCrossStrategyConfig
        {
            StrategyId = $"MIDCROSS-{instrument.RawSymbol}",
            InstrumentId = instrument.Id,
            TradeSize = Math.Max(instrument.SizeIncrement.ToDecimal(), instrument.RoundSize(100m / price, RoundingDirection.Up).ToDecimal()),
        }),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool TryCreate(string name, CryptoPerpetual instrument, decimal referencePrice, out Strategy? strategy)
    {
        strategy = Factories.TryGetValue(name, out Func<CryptoPerpetual, decimal, Strategy>? factory) ? factory(instrument, referencePrice) : null;
        return strategy is not null;
    }
}
