using System.CommandLine;
using System.Globalization;
using Halyard.Core.Model;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Rest;
using Halyard.Persistence.Catalog;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard backfill`: fills a catalog's missing bars and funding rates from the venue's history (candleSnapshot,
/// fundingHistory), public data that needs no key. Exit codes: 0 done, 2 bad input, 3 the venue failed.
/// </summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var catalogPath = SharedOptions.CatalogRoot();
        var instruments = SharedOptions.Instruments();
        var bars = new Option<string>("--bars") { Description = "Candle intervals, comma-separated (1m 3m 5m 15m 30m 1h 2h 4h 8h 12h 1d 3d 1w 1M).", DefaultValueFactory = _ => "1m" };
        var funding = new Option<bool>("--funding") { Description = "Also backfill funding rates (--funding false to skip).", DefaultValueFactory = _ => true };
        var from = new Option<string>("--from") { Description = "Start (ISO-8601 UTC, e.g. 2026-01-02T00:00:00Z).", Required = true };
        var to = new Option<string?>("--to") { Description = "End (ISO-8601 UTC, inclusive); now when omitted." };
        var venue = new VenueOptions();
        var command = new Command("backfill", "Download bars and funding rates the catalog lacks (only missing ranges; files never overlap).")
        {
            catalogPath, instruments, bars, funding, from, to,
        };
        venue.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            if (!venue.TryResolve(parse, out HyperliquidNetwork network, out HyperliquidEndpoints endpoints, out string? problem)
                || !TryPlan(parse.GetValue(instruments)!, parse.GetValue(bars)!, parse.GetValue(funding), parse.GetValue(from)!, parse.GetValue(to),
                    TimeProvider.System, out BackfillPlan? plan, out problem))
            {
                error.WriteLine(problem);
                return 2;
            }
            IAnsiConsole console = CommandConsole.Create(parse, pipedWidth: 200, out bool interactive);
            using var http = new HttpClient();
            var info = new HyperliquidInfoClient(http, new HyperliquidRestOptions { BaseUrl = endpoints.RestUrl });
            var catalog = new ParquetDataCatalog(parse.GetValue(catalogPath)!.FullName);
            console.WriteLine($"backfill from {VenueOptions.Describe(network, endpoints, parse.GetValue(venue.Url) is not null)} into {catalog.Root}: " +
                              $"{UtcTimeText.Format(plan!.StartNs)} → {UtcTimeText.Format(plan.EndNs)}");
            try
            {
                return await RunAsync(new HistoryBackfill(info, catalog, TimeProvider.System), plan, console, error, interactive, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                error.WriteLine("backfill interrupted; whole files written so far stay, a rerun continues where it stopped");
                return 130;
            }
        });
        return command;
    }

    /// <summary>Checks the options; a message naming the option at fault when one is wrong.</summary>
    internal static bool TryPlan(string[] instrumentTexts, string barsText, bool funding, string fromText, string? toText, TimeProvider time,
        out BackfillPlan? plan, out string? problem)
    {
        plan = null;
        var ids = new List<InstrumentId>();
        foreach (string text in instrumentTexts.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!InstrumentId.TryParse(text, out InstrumentId? id, out string? parseError))
            {
                problem = $"--instruments: '{text}' is not an instrument id ({parseError})";
                return false;
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count == 0)
        {
            problem = "--instruments: name at least one instrument (e.g. BTC-USD-PERP)";
            return false;
        }
        var intervals = new List<(string, BarSpecification)>();
        foreach (string wire in barsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!CandleInterval.TryFromWire(System.Text.Encoding.UTF8.GetBytes(wire), out BarSpecification spec))
            {
                problem = $"--bars: '{wire}' is not a Hyperliquid candle interval (1m 3m 5m 15m 30m 1h 2h 4h 8h 12h 1d 3d 1w 1M)";
                return false;
            }
            if (!intervals.Exists(i => i.Item1 == wire)) intervals.Add((wire, spec));
        }
        if (intervals.Count == 0 && !funding)
        {
            problem = "nothing to backfill: --bars is empty and --funding is false";
            return false;
        }
        long nowNs = (time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        if (!UtcTimeText.TryParse(fromText, "--from", out long startNs, out problem)) return false;
        long endNs = nowNs;
        if (!string.IsNullOrWhiteSpace(toText) && !UtcTimeText.TryParse(toText, "--to", out endNs, out problem)) return false;
        if (startNs > nowNs)
        {
            problem = $"--from ({fromText}) is in the future (now is {UtcTimeText.Format(nowNs)})";
            return false;
        }
        if (endNs <= startNs)
        {
            problem = $"--to ({toText}) must be after --from ({fromText})";
            return false;
        }
        plan = new BackfillPlan(ids, intervals, funding, startNs, Math.Min(endNs, nowNs));
        return true;
    }

    private static async Task<int> RunAsync(HistoryBackfill backfill, BackfillPlan plan, IAnsiConsole console, TextWriter error, bool interactive, CancellationToken ct)
    {
        (MarketTable? markets, string? problem) = await backfill.LoadMarketsAsync(ct);
        if (markets is null)
        {
            error.WriteLine(problem);
            return 3;
        }
        var chosen = new List<HyperliquidMarket>();
        foreach (InstrumentId id in plan.Instruments)
        {
            if (!markets.TryGetByInstrument(id, out HyperliquidMarket market) || market.IsSpot)
            {
                error.WriteLine($"--instruments: the venue lists no perpetual {id}; it has {string.Join(", ", markets.Markets.Where(m => !m.IsSpot).Take(12).Select(m => m.InstrumentId.Symbol))}" +
                                (markets.Markets.Count > 12 ? ", …" : ""));
                return 2;
            }
            chosen.Add(market);
        }
        var finals = new List<BackfillProgress>();
        string? failure = null;
        if (interactive)
        {
            await console.Progress().AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var tasks = new Dictionary<string, ProgressTask>();
                    failure = await EachStreamAsync(backfill, plan, chosen, new InlineProgress(p =>
                    {
                        if (!tasks.TryGetValue(p.Stream, out ProgressTask? task)) tasks[p.Stream] = task = ctx.AddTask(Markup.Escape(p.Stream), maxValue: 1.0);
                        task.Value = p.Fraction;
                        task.Description = Markup.Escape($"{p.Stream}: {p.Written:N0} rows, {p.Files} files, {p.Requests} requests{(p.Note is null ? "" : $" ({p.Note})")}");
                    }), finals, ct);
                });
        }
        else
        {
            failure = await EachStreamAsync(backfill, plan, chosen, new InlineProgress(p =>
                console.WriteLine($"{p.Stream}: {p.Fraction * 100:F0} %, {p.Requests} requests, {p.Fetched:N0} fetched, {p.Written:N0} written, {p.Files} files{(p.Note is null ? "" : $" ({p.Note})")}")),
                finals, ct);
        }
        console.Write(Summary(finals));
        if (failure is not null)
        {
            error.WriteLine(failure);
            error.WriteLine("what was written before the failure stays; a rerun fetches only what is still missing");
            return 3;
        }
        console.WriteLine($"backfill done: {finals.Sum(f => f.Written):N0} rows in {finals.Sum(f => f.Files)} files ({finals.Sum(f => f.Bytes):N0} bytes)");
        return 0;
    }

    private static async Task<string?> EachStreamAsync(HistoryBackfill backfill, BackfillPlan plan, List<HyperliquidMarket> markets,
        IProgress<BackfillProgress> progress, List<BackfillProgress> finals, CancellationToken ct)
    {
        BackfillProgress? last = null;
        var tracking = new InlineProgress(p =>
        {
            last = p;
            progress.Report(p);
        });
        foreach (HyperliquidMarket market in markets)
        {
            foreach ((string wire, BarSpecification spec) in plan.Bars)
            {
                string? failure = await backfill.BarsAsync(market, wire, spec, plan.StartNs, plan.EndNs, tracking, ct);
                if (last is not null) finals.Add(last);
                if (failure is not null) return failure;
            }
            if (plan.Funding)
            {
                string? failure = await backfill.FundingAsync(market, plan.StartNs, plan.EndNs, tracking, ct);
                if (last is not null) finals.Add(last);
                if (failure is not null) return failure;
            }
        }
        return null;
    }

    private static Table Summary(IEnumerable<BackfillProgress> finals)
    {
        var table = new Table().AddColumns("stream", "requests", "fetched", "written", "files", "bytes", "note");
        foreach (BackfillProgress p in finals)
        {
            table.AddRow(Markup.Escape(p.Stream), p.Requests.ToString(CultureInfo.InvariantCulture), p.Fetched.ToString("N0", CultureInfo.InvariantCulture),
                p.Written.ToString("N0", CultureInfo.InvariantCulture), p.Files.ToString(CultureInfo.InvariantCulture),
                p.Bytes.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(p.Note ?? ""));
        }
        return table;
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool).</summary>
    private sealed class InlineProgress(Action<BackfillProgress> report) : IProgress<BackfillProgress>
    {
        public void Report(BackfillProgress value) => report(value);
    }
}
