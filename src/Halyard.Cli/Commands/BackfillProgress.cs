namespace Halyard.Cli.Commands;

/// <summary>One step of a backfill: a stream (bar type, or an instrument's funding) and what it has fetched and written so far.</summary>
/// <param name="Stream">The catalog folder and key, e.g. <c>bar BTC-USD-PERP.HYPERLIQUID-1-MINUTE-LAST-EXTERNAL</c>.</param>
/// <param name="Fraction">Share of the stream's missing time covered so far (0–1).</param>
/// <param name="Fetched">Rows the venue returned in the missing ranges.</param>
/// <param name="Written">Rows written (fetched minus ones already in the catalog or still open).</param>
internal sealed record BackfillProgress(string Stream, double Fraction, long Requests, long Fetched, long Written, long Files, long Bytes, string? Note = null);
