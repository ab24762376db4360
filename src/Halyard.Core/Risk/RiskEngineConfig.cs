using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>Pre-trade limits. Immutable; <see cref="Validate"/> names the field at fault.</summary>
public sealed record RiskEngineConfig
{
    /// <summary>Skip every check (backtests of raw strategy logic only; never live).</summary>
    public bool Bypass { get; init; }
    public TradingState InitialState { get; init; } = TradingState.Active;
    /// <summary>Largest order value in quote currency (size × price); null for no limit.</summary>
    public decimal? MaxNotionalPerOrder { get; init; }
    /// <summary>Per-instrument limits that override <see cref="MaxNotionalPerOrder"/>.</summary>
    public IReadOnlyDictionary<InstrumentId, decimal> MaxNotionalPerInstrument { get; init; } = new Dictionary<InstrumentId, decimal>();
    /// <summary>Orders that may be submitted per <see cref="SubmitRateInterval"/> (a token bucket refilled continuously).</summary>
    public int MaxOrderSubmitRate { get; init; } = 100;
    public TimeSpan SubmitRateInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Modifies that may be sent per <see cref="ModifyRateInterval"/>.</summary>
    public int MaxOrderModifyRate { get; init; } = 100;
    public TimeSpan ModifyRateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public RiskEngineConfig Validate()
    {
        if (!Enum.IsDefined(InitialState)) throw new ArgumentException($"{nameof(InitialState)} {InitialState} is not a trading state", nameof(InitialState));
        if (MaxNotionalPerOrder is <= 0) throw new ArgumentException($"{nameof(MaxNotionalPerOrder)} must be positive, was {MaxNotionalPerOrder}", nameof(MaxNotionalPerOrder));
        foreach (var (id, limit) in MaxNotionalPerInstrument)
            if (limit <= 0) throw new ArgumentException($"{nameof(MaxNotionalPerInstrument)}[{id}] must be positive, was {limit}", nameof(MaxNotionalPerInstrument));
        if (MaxOrderSubmitRate <= 0) throw new ArgumentException($"{nameof(MaxOrderSubmitRate)} must be positive, was {MaxOrderSubmitRate}", nameof(MaxOrderSubmitRate));
        if (SubmitRateInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(SubmitRateInterval)} must be positive, was {SubmitRateInterval}", nameof(SubmitRateInterval));
        if (MaxOrderModifyRate <= 0) throw new ArgumentException($"{nameof(MaxOrderModifyRate)} must be positive, was {MaxOrderModifyRate}", nameof(MaxOrderModifyRate));
        if (ModifyRateInterval <= TimeSpan.Zero) throw new ArgumentException($"{nameof(ModifyRateInterval)} must be positive, was {ModifyRateInterval}", nameof(ModifyRateInterval));
        return this;
    }
}
