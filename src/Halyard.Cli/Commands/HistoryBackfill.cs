using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.Persistence.Catalog;

namespace Halyard.Cli.Commands;

/// <summary>
/// Pulls candles (<c>candleSnapshot</c>) and funding rates (<c>fundingHistory</c>) for the ranges a catalog does not
/// hold yet and writes them there: bars with <c>ts_event = ts_init</c> = the candle's close, funding rates at their
/// funding time. Only closed candles are written, never a row inside a file's interval, so files never overlap and a
/// second run over the same range adds nothing. Requests go through the info client's weight limiter.
/// </summary>
internal sealed class HistoryBackfill(HyperliquidInfoClient info, ParquetDataCatalog catalog, TimeProvider time)
{
    /// <summary>The venue answers at most this many candles per request (and keeps only the latest 5000).</summary>
    public const int CandlesPerRequest = 5000;
    private const long NsPerMs = 1_000_000;
    private static readonly long FundingWindowNs = TimeSpan.FromDays(20).Ticks * 100; // 480 hourly rates: one 500-row page

    /// <summary>Loads the venue's perpetuals; null and a message naming the venue when it cannot be reached.</summary>
    public async Task<(MarketTable? Markets, string? Problem)> LoadMarketsAsync(CancellationToken ct)
    {
        ApiResult<byte[]> meta = await info.PostRawAsync("metaAndAssetCtxs", InfoRequestBody.MetaAndAssetContexts(), ct).ConfigureAwait(false);
        if (!meta.TryGetValue(out byte[]? json, out ApiError? error))
            return (null, $"cannot read the instruments from {info.Options.BaseUrl}: {error}");
        var provider = new HyperliquidInstrumentProvider((_, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(json),
            new HyperliquidInstrumentConfig { RefreshInterval = TimeSpan.Zero });
        try
        {
            return (provider.Load(json), null);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, $"the instruments from {info.Options.BaseUrl} are unreadable: {e.Message}");
        }
    }

    /// <summary>Backfills one instrument's bars of one interval; returns an error message, or null.</summary>
    public async Task<string?> BarsAsync(HyperliquidMarket market, string interval, BarSpecification spec, long startNs, long endNs,
        IProgress<BackfillProgress> progress, CancellationToken ct)
    {
        var barType = new BarType(market.InstrumentId, spec);
        string stream = $"{CatalogLayout.FolderOf(MarketDataKind.Bar)} {barType}";
        long lengthNs = spec.DurationNs;
        long nowNs = NowNs();
        long kept = nowNs - lengthNs * CandlesPerRequest;
        string? note = null;
        if (startNs < kept)
        {
            // Hyperliquid keeps only the latest 5000 candles of an interval: asking further back costs weight for nothing.
            note = $"the venue keeps only the latest {CandlesPerRequest} {interval} candles; bars before {UtcTimeText.Format(kept)} cannot be backfilled";
            startNs = Math.Min(kept, endNs);
        }
        IReadOnlyList<CatalogInterval> missing = catalog.MissingIntervals(MarketDataKind.Bar, barType.ToString(), startNs, endNs);
        var tally = new Tally(stream, missing);
        progress.Report(tally.Report(0, note ?? (missing.Count == 0 ? "nothing missing" : null)));
        foreach (CatalogInterval gap in missing)
        {
            // Windows of at most 5000 candles, aligned to the catalog's rotation so each window fills whole files.
            long window = WindowNs(lengthNs * CandlesPerRequest, catalog.Options.RotationNs(MarketDataKind.Bar));
            for (long from = gap.StartNs; from <= gap.EndNs;)
            {
                long to = Math.Min(gap.EndNs, (from / window + 1) * window - 1);
                // A bar's ts_init is its close = open + length: ask for the candles that open one length earlier.
                long openFromMs = CeilMs(from) - lengthNs / NsPerMs, openToMs = to / NsPerMs - lengthNs / NsPerMs;
                if (openToMs >= openFromMs && MayHoldClose(spec, lengthNs, from, to))
                {
                    ApiResult<IReadOnlyList<Candle>> answer = await info.GetCandlesAsync(market.Coin, interval, Math.Max(0, openFromMs), openToMs, ct).ConfigureAwait(false);
                    tally.Requests++;
                    if (!answer.TryGetValue(out IReadOnlyList<Candle>? candles, out ApiError? error))
                        return $"{stream}: candleSnapshot {market.Coin} {interval} failed: {error}";
                    var bars = new List<Bar>(candles.Count);
                    foreach (Candle candle in candles)
                    {
                        long close = (candle.CloseTime + 1) * NsPerMs;
                        if (close < from || close > to || close > nowNs) continue; // outside the gap, or still open
                        if (!TryBar(barType, market.Instrument, candle, close, out Bar bar, out string? bad)) return $"{stream}: {bad}";
                        bars.Add(bar);
                    }
                    tally.Fetched += bars.Count;
                    RemoveRecorded(bars, barType, lengthNs, from, to);
                    tally.Add(bars.Count, catalog.Write(bars.ToArray()));
                }
                from = to + 1;
                progress.Report(tally.Report(from - gap.StartNs));
            }
            tally.GapDone(gap);
        }
        progress.Report(tally.Done(note));
        return null;
    }

    /// <summary>Backfills one instrument's funding rates; returns an error message, or null.</summary>
    public async Task<string?> FundingAsync(HyperliquidMarket market, long startNs, long endNs, IProgress<BackfillProgress> progress, CancellationToken ct)
    {
        string key = market.InstrumentId.ToString();
        string stream = $"{CatalogLayout.FolderOf(MarketDataKind.FundingRateUpdate)} {key}";
        long nowNs = NowNs();
        IReadOnlyList<CatalogInterval> missing = catalog.MissingIntervals(MarketDataKind.FundingRateUpdate, key, startNs, endNs);
        var tally = new Tally(stream, missing);
        progress.Report(tally.Report(0, missing.Count == 0 ? "nothing missing" : null));
        foreach (CatalogInterval gap in missing)
        {
            long window = WindowNs(FundingWindowNs, catalog.Options.RotationNs(MarketDataKind.FundingRateUpdate));
            for (long from = gap.StartNs; from <= gap.EndNs;)
            {
                long to = Math.Min(gap.EndNs, (from / window + 1) * window - 1);
                if (to / NsPerMs >= CeilMs(from))
                {
                    ApiResult<IReadOnlyList<FundingRateEntry>> answer = await info.GetFundingHistoryAsync(market.Coin, CeilMs(from), to / NsPerMs, ct).ConfigureAwait(false);
                    tally.Requests++;
                    if (!answer.TryGetValue(out IReadOnlyList<FundingRateEntry>? entries, out ApiError? error))
                        return $"{stream}: fundingHistory {market.Coin} failed: {error}";
                    var rates = new List<FundingRateUpdate>(entries.Count);
                    foreach (FundingRateEntry entry in entries)
                    {
                        long ts = entry.Time * NsPerMs;
                        if (ts >= from && ts <= to && ts <= nowNs) rates.Add(new FundingRateUpdate(market.InstrumentId, entry.FundingRate, null, ts, ts));
                    }
                    tally.Fetched += rates.Count;
                    tally.Add(rates.Count, catalog.Write(rates.ToArray()));
                }
                from = to + 1;
                progress.Report(tally.Report(from - gap.StartNs));
            }
            tally.GapDone(gap);
        }
        progress.Report(tally.Done());
        return null;
    }

    /// <summary>
    /// A recorded bar's ts_init is when it arrived, a little after its close: a file that starts just after a gap may
    /// hold the bar the venue returns for the gap's end. Bars whose close is already recorded next to the window go.
    /// </summary>
    private void RemoveRecorded(List<Bar> bars, BarType barType, long lengthNs, long from, long to)
    {
        if (bars.Count == 0) return;
        var recorded = new HashSet<long>();
        using CatalogReader reader = catalog.Open(new MarketDataQuery([MarketDataKind.Bar], null, Math.Max(0, from - lengthNs), to + lengthNs, [barType]));
        while (reader.MoveNext()) recorded.Add(reader.Bar.TsEvent);
        if (recorded.Count > 0) bars.RemoveAll(b => recorded.Contains(b.TsEvent));
    }

    private static bool TryBar(BarType barType, Instrument instrument, Candle c, long closeNs, out Bar bar, out string? problem)
    {
        try
        {
            bar = new Bar(barType,
                Price.FromDecimal(c.Open, instrument.PricePrecision), Price.FromDecimal(c.High, instrument.PricePrecision),
                Price.FromDecimal(c.Low, instrument.PricePrecision), Price.FromDecimal(c.Close, instrument.PricePrecision),
                Quantity.FromDecimal(c.Volume, instrument.SizePrecision), closeNs, closeNs);
            problem = null;
            return true;
        }
        catch (ArgumentException e)
        {
            bar = default;
            problem = $"the candle opening at {UtcTimeText.Format(c.OpenTime * NsPerMs)} does not fit {instrument.Id}'s precisions: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// False when no bar can close in [from, to]: minute, hour and day candles close on multiples of their length, so
    /// the sliver between two files (one bar apart) needs no request.
    /// </summary>
    private static bool MayHoldClose(BarSpecification spec, long lengthNs, long from, long to) =>
        spec.Aggregation is not (BarAggregation.Minute or BarAggregation.Hour or BarAggregation.Day) || (from + lengthNs - 1) / lengthNs * lengthNs <= to;

    /// <summary>The largest whole number of rotation intervals within <paramref name="limitNs"/> (or the limit itself when shorter).</summary>
    private static long WindowNs(long limitNs, long rotationNs) => limitNs >= rotationNs ? limitNs / rotationNs * rotationNs : limitNs;

    private static long CeilMs(long ns) => (ns + NsPerMs - 1) / NsPerMs;

    private long NowNs() => (time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>Counts of one stream's backfill, turned into progress reports.</summary>
    private sealed class Tally(string stream, IReadOnlyList<CatalogInterval> missing)
    {
        private readonly double _missingNs = missing.Sum(g => (double)(g.EndNs - g.StartNs + 1));
        private double _doneNs;
        public long Requests, Fetched, Written, Files, Bytes;

        public void Add(int rows, IReadOnlyList<CatalogFile> files)
        {
            Written += rows;
            Files += files.Count;
            Bytes += files.Sum(f => f.Bytes);
        }

        /// <summary><paramref name="intoGap"/>: how far into the current gap the work has come.</summary>
        public BackfillProgress Report(long intoGap, string? note = null) =>
            new(stream, _missingNs == 0 ? 1 : Math.Min(1, (_doneNs + intoGap) / _missingNs), Requests, Fetched, Written, Files, Bytes, note);

        public void GapDone(CatalogInterval gap) => _doneNs += gap.EndNs - gap.StartNs + 1;

        public BackfillProgress Done(string? note = null)
        {
            _doneNs = _missingNs;
            return Report(0, note ?? (Written == 0 ? "nothing new" : null));
        }
    }
}
