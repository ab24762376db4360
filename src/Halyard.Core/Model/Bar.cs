namespace Halyard.Core.Model;

/// <summary>An OHLCV bar; <see cref="TsEvent"/> is the bar's close time.</summary>
public readonly record struct Bar(
    BarType BarType,
    Price Open,
    Price High,
    Price Low,
    Price Close,
    Quantity Volume,
    long TsEvent,
    long TsInit);
