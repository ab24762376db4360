namespace Halyard.Core.Model;

/// <summary>The venue's mark price (what triggers stops and values positions).</summary>
public readonly record struct MarkPriceUpdate(InstrumentId InstrumentId, Price Value, long TsEvent, long TsInit);
