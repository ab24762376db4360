using System.CommandLine;
using System.Diagnostics;
using Halyard.Cli.Hosting;
using Halyard.Core.Model;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Data;
using Halyard.Hyperliquid.Parsing;
using Halyard.Persistence.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard record`: a node that records the live feed of some instruments into the catalog until Ctrl+C or
/// <c>--duration</c>, then writes everything buffered. Public market data: no key is needed. Exit codes: 0 recorded,
/// 2 bad input, 3 the venue could not be reached.
/// </summary>
public static class RecordCommand
{
    private static readonly (string Name, RecordedData Flag)[] TypeNames =
    [
        ("quotes", RecordedData.Quotes), ("trades", RecordedData.Trades), ("book", RecordedData.Book),
        ("bars", RecordedData.Bars), ("mark", RecordedData.MarkPrices), ("funding", RecordedData.FundingRates), ("depth", RecordedData.Depth10),
    ];

    public static Command Create()
    {
        var catalogPath = SharedOptions.CatalogRoot();
        var instruments = SharedOptions.Instruments();
        var types = new Option<string>("--types") { Description = "What to record, comma-separated: quotes,trades,book,bars,mark,funding and (not by default) depth (top-10 snapshots per book update).", DefaultValueFactory = _ => "quotes,trades,book,bars,mark,funding" };
        var bars = new Option<string>("--bars") { Description = "Candle intervals recorded as bars (with --types bars), comma-separated.", DefaultValueFactory = _ => "1m" };
        var duration = new Option<string?>("--duration", "-d") { Description = "Stop after this long (90s, 5m, 1h, 00:10:00); until Ctrl+C when omitted." };
        var flush = new Option<string>("--flush-interval") { Description = "Write buffered quotes/trades/book at least this often: the most a crash loses.", DefaultValueFactory = _ => "1m" };
        var venue = new VenueOptions();
        var command = new Command("record", "Record live market data into the Parquet catalog (Ctrl+C or --duration stops and writes everything).")
        {
            catalogPath, instruments, types, bars, duration, flush,
        };
        venue.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            if (!venue.TryResolve(parse, out HyperliquidNetwork network, out HyperliquidEndpoints endpoints, out string? problem)
                || !TryRequest(parse.GetValue(instruments)!, parse.GetValue(types)!, parse.GetValue(bars)!, parse.GetValue(duration), parse.GetValue(flush)!,
                    out RecordRequest? request, out problem))
            {
                error.WriteLine(problem);
                return 2;
            }
            bool custom = parse.GetValue(venue.Url) is not null;
            var config = new HyperliquidDataClientConfig
            {
                Network = network,
                AllowMainnet = network == HyperliquidNetwork.Mainnet, // public data only: --mainnet is the opt-in
                Endpoints = custom ? endpoints : null,
                SubscribeQuotes = false,
                SubscribeTrades = false,
                SubscribeBook = false,
                InstrumentLoading = new HyperliquidInstrumentConfig { RefreshInterval = TimeSpan.Zero },
            };
            IAnsiConsole console = CommandConsole.Create(parse, pipedWidth: 200, out bool interactive);
            var catalog = new ParquetDataCatalog(parse.GetValue(catalogPath)!.FullName);
            console.WriteLine($"recording {string.Join(", ", request!.Instruments)} ({request.TypesText}) from {VenueOptions.Describe(network, endpoints, custom)} into {catalog.Root}" +
                              (request.Duration is { } d ? $" for {DurationText.Format(d)}" : "; Ctrl+C stops"));
            // Warnings (drops, failed writes, malformed frames, reconnects) go where errors go, one line each.
            using ILoggerFactory loggers = TextWriterLoggerProvider.CreateFactory(error, LogLevel.Warning);
            return await RunAsync(catalog, request, (inbox, clock) => new HyperliquidDataClient(config, inbox, clock, loggerFactory: loggers),
                console, error, interactive, ct, loggers);
        });
        return command;
    }

    internal static bool TryRequest(string[] instrumentTexts, string typesText, string barsText, string? durationText, string flushText,
        out RecordRequest? request, out string? problem)
    {
        request = null;
        problem = null;
        var ids = new List<InstrumentId>();
        foreach (string text in instrumentTexts.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!InstrumentId.TryParse(text, out InstrumentId? id, out string? parseError))
            {
                problem = $"--instruments: '{text}' is not an instrument id ({parseError})";
                return false;
            }
            if (id.Venue.Name != InstrumentId.DefaultVenueName)
            {
                problem = $"--instruments: {id} is not on {InstrumentId.DefaultVenueName}";
                return false;
            }
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count == 0)
        {
            problem = "--instruments: name at least one instrument (e.g. BTC-USD-PERP)";
            return false;
        }
        RecordedData data = RecordedData.None;
        foreach (string name in typesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int index = Array.FindIndex(TypeNames, t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                problem = $"--types: '{name}' is not one of {string.Join(", ", TypeNames.Select(t => t.Name))}";
                return false;
            }
            data |= TypeNames[index].Flag;
        }
        if (data == RecordedData.None)
        {
            problem = $"--types: name at least one of {string.Join(", ", TypeNames.Select(t => t.Name))}";
            return false;
        }
        var specs = new List<BarSpecification>();
        if (data.HasFlag(RecordedData.Bars))
        {
            foreach (string wire in barsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CandleInterval.TryFromWire(System.Text.Encoding.UTF8.GetBytes(wire), out BarSpecification spec))
                {
                    problem = $"--bars: '{wire}' is not a Hyperliquid candle interval (1m 3m 5m 15m 30m 1h 2h 4h 8h 12h 1d 3d 1w 1M)";
                    return false;
                }
                if (!specs.Contains(spec)) specs.Add(spec);
            }
            if (specs.Count == 0)
            {
                problem = "--bars: name at least one interval when recording bars";
                return false;
            }
        }
        TimeSpan? duration = null;
        if (!string.IsNullOrWhiteSpace(durationText))
        {
            if (!DurationText.TryParse(durationText, out TimeSpan d) || d <= TimeSpan.Zero)
            {
                problem = $"--duration: '{durationText}' is not a positive duration (90s, 5m, 1h, 00:10:00)";
                return false;
            }
            duration = d;
        }
        if (!DurationText.TryParse(flushText, out TimeSpan flush) || flush < TimeSpan.FromSeconds(1))
        {
            problem = $"--flush-interval: '{flushText}' is not a duration of at least 1s";
            return false;
        }
        string typesShown = string.Join(",", TypeNames.Where(t => data.HasFlag(t.Flag)).Select(t => t.Name));
        request = new RecordRequest(ids, data, specs, duration, new RecorderOptions { FlushInterval = flush }, typesShown);
        return true;
    }

    internal static async Task<int> RunAsync(ParquetDataCatalog catalog, RecordRequest request, Func<Core.Messaging.KernelInbox, Core.Messaging.IClock, Core.Data.IDataClient> createClient,
        IAnsiConsole console, TextWriter error, bool interactive, CancellationToken ct, ILoggerFactory? loggerFactory = null)
    {
        loggerFactory ??= NullLoggerFactory.Instance;
        var started = Stopwatch.StartNew();
        RecordSession session;
        try
        {
            session = await RecordSession.StartAsync(catalog, request.Recorder, request.Instruments, request.Data, request.Bars, createClient, loggerFactory, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("stopped before the feed was connected; nothing recorded");
            return 130;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or System.Net.WebSockets.WebSocketException
                                   or HyperliquidConfigException or IOException)
        {
            error.WriteLine($"cannot start recording: {e.Message}");
            return 3;
        }
        await using (session)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (request.Duration is { } duration) stop.CancelAfter(duration);
            var progress = new RecordProgress(session.Recorder, request.Data);
            if (interactive)
            {
                await console.Live(progress.Table(started.Elapsed)).StartAsync(async live =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await WaitAsync(TimeSpan.FromSeconds(1), stop.Token);
                        live.UpdateTarget(progress.Table(started.Elapsed));
                    }
                });
            }
            else
            {
                while (!stop.IsCancellationRequested)
                {
                    await WaitAsync(TimeSpan.FromSeconds(5), stop.Token);
                    console.WriteLine(progress.Line(started.Elapsed));
                }
            }
            console.WriteLine(ct.IsCancellationRequested ? "stopping (Ctrl+C): writing what is buffered…" : "duration reached: writing what is buffered…");
            await session.StopAsync();
            console.Write(progress.Table(started.Elapsed));
            RecorderStats total = session.Recorder.Stats;
            console.WriteLine($"recorded {total.RowsWritten:N0} rows in {total.FilesWritten} files ({total.BytesWritten:N0} bytes) into {catalog.Root}" +
                              (total.Dropped > 0 ? $"; {total.Dropped:N0} dropped (see the warnings)" : ""));
            return total.WriteErrors > 0 ? 1 : 0;
        }
    }

    private static async Task WaitAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            // stop requested: the caller's loop ends
        }
    }
}
