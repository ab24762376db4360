namespace Halyard.Simulator.Market;

/// <summary>A perp's live context (metaAndAssetCtxs, activeAssetCtx): funding, open interest, prices, day volume.</summary>
internal readonly record struct AssetContext(
    decimal Funding, decimal OpenInterest, decimal PrevDayPx, decimal DayNtlVlm, decimal Premium, decimal OraclePx,
    decimal MarkPx, decimal? MidPx, decimal? ImpactBid, decimal? ImpactAsk, decimal DayBaseVlm);
