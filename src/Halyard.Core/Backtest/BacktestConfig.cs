using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Backtest;

/// <summary>
/// Everything a <see cref="BacktestNode"/> needs: where the data comes from, which instruments and kinds,
/// the time range, the account and the venue's models, and the strategies to run.
/// <see cref="Validate"/> names the field at fault.
/// </summary>
public sealed record BacktestConfig
{
    /// <summary>Historical data (the Parquet catalog, in the CLI).</summary>
    public required IMarketDataSource Source { get; init; }
    /// <summary>The instruments to replay and trade; at least one.</summary>
    public required IReadOnlyList<CryptoPerpetual> Instruments { get; init; }
    /// <summary>Inclusive start of the replay (ts_init, ns since the Unix epoch).</summary>
    public long StartNs { get; init; }
    /// <summary>Inclusive end of the replay.</summary>
    public long EndNs { get; init; } = long.MaxValue;
    /// <summary>Kinds to replay; mark prices and funding rates are always read when present.</summary>
    public IReadOnlyList<MarketDataKind> DataKinds { get; init; } = [MarketDataKind.QuoteTick, MarketDataKind.TradeTick];
    /// <summary>Cash the account starts with, in the settlement currency.</summary>
    public decimal StartingBalance { get; init; } = 10_000m;
    public FeeModel Fees { get; init; } = FeeModel.FromInstrument;
    public LatencyModel Latency { get; init; } = LatencyModel.None;
    /// <summary>How far a market order may trade from the touch (a fraction), like the live adapter's slippage bound.</summary>
    public decimal MarketSlippage { get; init; } = 0.05m;
    /// <summary>The strategies, built with their own configs; they run unchanged from live.</summary>
    public required IReadOnlyList<Strategy> Strategies { get; init; }
    /// <summary>Spacing of the equity curve's samples in data time.</summary>
    public long EquitySampleIntervalNs { get; init; } = 60_000_000_000;
    public string TraderId { get; init; } = "BACKTESTER-001";
    /// <summary>Seed of the event/command id source, so two runs produce the same ids.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field at fault.</summary>
    public void Validate()
    {
        if (Error() is { } error) throw new ArgumentException(error.Message, error.Field);
    }

    public (string Field, string Message)? Error()
    {
        if (Source is null) return (nameof(Source), "Source is required");
        if (Instruments is null || Instruments.Count == 0) return (nameof(Instruments), "Instruments: at least one instrument is required");
        if (Instruments.Select(i => i.Id).Distinct().Count() != Instruments.Count) return (nameof(Instruments), "Instruments: an instrument is listed twice");
        if (StartNs < 0) return (nameof(StartNs), $"StartNs must not be negative (was {StartNs})");
        if (EndNs < StartNs) return (nameof(EndNs), $"EndNs ({EndNs}) is before StartNs ({StartNs})");
        if (DataKinds is null || DataKinds.Count == 0) return (nameof(DataKinds), "DataKinds: at least one kind is required");
        if (StartingBalance <= 0) return (nameof(StartingBalance), $"StartingBalance must be positive (was {StartingBalance})");
        if (Fees is null) return (nameof(Fees), "Fees is required");
        if (Fees.Error() is { } fees) return (nameof(Fees), fees);
        if (Latency is null) return (nameof(Latency), "Latency is required");
        if (Latency.Error() is { } latency) return (nameof(Latency), latency);
        if (MarketSlippage is <= 0m or > 0.5m) return (nameof(MarketSlippage), $"MarketSlippage must be above 0 and at most 0.5 (was {MarketSlippage})");
        if (Strategies is null || Strategies.Count == 0) return (nameof(Strategies), "Strategies: at least one strategy is required");
        if (EquitySampleIntervalNs <= 0) return (nameof(EquitySampleIntervalNs), $"EquitySampleIntervalNs must be positive (was {EquitySampleIntervalNs})");
        if (string.IsNullOrWhiteSpace(TraderId)) return (nameof(TraderId), "TraderId is required");
        return null;
    }
}
