namespace Halyard.Core.Model;

/// <summary>A perpetual's funding rate per funding interval (hourly on Hyperliquid), as an exact fraction.</summary>
public readonly record struct FundingRateUpdate(InstrumentId InstrumentId, decimal Rate, long? NextFundingNs, long TsEvent, long TsInit);
