using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Halyard.Samples.Backtest;
using Halyard.Samples.Momentum;

namespace Halyard.Samples;

/// <summary>
/// The sample strategies by name, for `halyard demo`, `halyard live` and `halyard backtest --strategy NAME`:
/// each is built for one perpetual from the price it starts near. <see cref="Default"/> is the one to run.
/// </summary>
public static class SampleStrategies
{
    /// <summary>EMA cross momentum on quotes (<see cref="EmaCrossStrategy"/>), built on <see cref="PerpStrategy"/>.</summary>
    public const string Default = "emacross";
    /// <summary>The first backtest sample (<see cref="MidCrossStrategy"/>), kept for comparisons.</summary>
    public const string MidCross = "midcross";
    /// <summary>Value of one entry of the samples, in quote currency: above the venue's $10 minimum, small for a demo balance.</summary>
    public const decimal EntryNotional = 100m;

    private static readonly Dictionary<string, Func<CryptoPerpetual, decimal, Strategy>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        [Default] = (instrument, _) => new EmaCrossStrategy(new EmaCrossStrategyConfig
        {
            StrategyId = $"EMACROSS-{instrument.RawSymbol}",
            Instruments = [instrument.Id],
            OrderNotional = EntryNotional,
            Leverage = Math.Min(3m, instrument.MaxLeverage),
        }),
        // One order worth about EntryNotional at the reference price.
        [MidCross] = (instrument, price) => new MidCrossStrategy(new MidCrossStrategyConfig
        {
            StrategyId = $"MIDCROSS-{instrument.RawSymbol}",
            InstrumentId = instrument.Id,
            TradeSize = Math.Max(instrument.SizeIncrement.ToDecimal(), instrument.RoundSize(EntryNotional / price, RoundingDirection.Up).ToDecimal()),
        }),
    };

    /// <summary>Names <see cref="TryCreate"/> knows, the default first.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>
    /// The risk manager settings the samples are meant to run with: a 1 % reduce-only stop on every position within
    /// 5 s, per-order and per-position caps a few entries wide, a bounded order rate. Put it in the node's config.
    /// </summary>
    public static RiskManagerConfig Risk { get; } = new()
    {
        StopLoss = ProtectiveDistance.Percent(0.01m),
        ProtectionTimeout = TimeSpan.FromSeconds(5),
        MaxOrderNotional = 5 * EntryNotional,
        MaxPositionNotional = 5 * EntryNotional,
        MaxOpenOrders = 50,
        MaxOrderRate = 10,
    };

    /// <summary>
    /// Builds the strategy called <paramref name="name"/> (case-insensitive) for <paramref name="instrument"/>;
    /// <paramref name="referencePrice"/> is a recent price (sizes of samples that need one up front). False for an unknown name.
    /// </summary>
    public static bool TryCreate(string name, CryptoPerpetual instrument, decimal referencePrice, out Strategy? strategy)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(instrument);
        if (referencePrice <= 0) throw new ArgumentOutOfRangeException(nameof(referencePrice), referencePrice, "must be positive");
        strategy = Factories.TryGetValue(name, out Func<CryptoPerpetual, decimal, Strategy>? factory) ? factory(instrument, referencePrice) : null;
        return strategy is not null;
    }
}
