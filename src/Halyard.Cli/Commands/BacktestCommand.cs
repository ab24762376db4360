using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Halyard.Core.Backtest;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Persistence.Catalog;
using Halyard.Samples;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard backtest`: replays a Parquet catalog through the kernel with the simulated venue and writes
/// results.json, trades.csv and report.html. Missing data, instruments or strategies end with a message
/// naming what is missing and what the catalog holds (exit code 2).
/// </summary>
public static class BacktestCommand
{
    public static Command Create()
    {
        var catalogPath = SharedOptions.CatalogRoot();
        var strategyName = new Option<string>("--strategy", "-s")
        {
            Description = $"Strategy to run, by name ({string.Join(", ", SampleStrategies.Names)}).",
            DefaultValueFactory = _ => SampleStrategies.Default,
        };
        var instruments = new Option<string[]>("--instruments", "-i")
        {
            Description = "Instruments (BTC-USD-PERP …); all with quotes in the catalog when omitted.",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "Start (ISO-8601 UTC, e.g. 2026-01-02T10:00:00Z); the catalog's first event when omitted." };
        var to = new Option<string?>("--to") { Description = "End (ISO-8601 UTC, inclusive); the catalog's last event when omitted." };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "Output folder (default ./backtests/<timestamp>/)." };
        var balance = new Option<decimal>("--balance") { Description = "Starting balance in USDC.", DefaultValueFactory = _ => 10_000m };
        var trades = new Option<bool>("--with-trades") { Description = "Also replay trades (resting orders fill when the market trades through them).", DefaultValueFactory = _ => true };

        var command = new Command("backtest", "Backtest a strategy over a recorded catalog.")
        {
            catalogPath, strategyName, instruments, from, to, output, balance, trades,
        };
        command.SetAction(parse =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            var request = new BacktestRequest(parse.GetValue(catalogPath)!, parse.GetValue(strategyName)!, parse.GetValue(instruments) ?? [],
                parse.GetValue(from), parse.GetValue(to), parse.GetValue(output), parse.GetValue(balance), parse.GetValue(trades));
            IAnsiConsole console = CommandConsole.Create(parse, pipedWidth: 200, out bool interactive);
            return Run(request, console, error, interactive);
        });
        return command;
    }

    private static int Run(BacktestRequest request, IAnsiConsole console, TextWriter error, bool interactive)
    {
        if (!BacktestSetup.TryPrepare(request, out BacktestConfig? config, out string? problem))
        {
            error.WriteLine(problem);
            return 2;
        }
        var clock = Stopwatch.StartNew();
        BacktestResult result;
        if (interactive)
        {
            result = null!;
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("replaying", maxValue: 1.0);
                    result = new BacktestNode(config!, riskManager: SampleStrategies.Risk).Run(new InlineProgress(p =>
                    {
                        task.Value = p.Fraction;
                        task.Description = $"replaying ({p.Events:N0} events)";
                    }));
                    task.Value = 1.0;
                });
        }
        else
        {
            result = new BacktestNode(config!, riskManager: SampleStrategies.Risk).Run();
        }
        clock.Stop();
        if (result.Events == 0)
        {
            error.WriteLine($"no data between {Iso(config!.StartNs)} and {Iso(config.EndNs)} for {string.Join(", ", config.Instruments.Select(i => i.Id))}");
            return 2;
        }
        DirectoryInfo dir = request.Output ?? new DirectoryInfo(Path.Combine("backtests", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        dir.Create();
        File.WriteAllText(Path.Combine(dir.FullName, "results.json"), BacktestReport.ToJson(result));
        File.WriteAllText(Path.Combine(dir.FullName, "trades.csv"), BacktestReport.ToCsv(result));
        File.WriteAllText(Path.Combine(dir.FullName, "report.html"), BacktestReport.ToHtml(result));
        console.Write(Summary(result, clock.Elapsed));
        console.WriteLine($"results: {dir.FullName} (results.json, trades.csv, report.html)");
        return 0;
    }

    private static Table Summary(BacktestResult r, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("metric", "value");
        void Row(string name, string value) => table.AddRow(name, Markup.Escape(value));
        Row("strategy", string.Join(", ", r.Strategies));
        Row("instruments", string.Join(", ", r.Instruments));
        Row("range (UTC)", $"{Iso(r.FirstEventNs)} → {Iso(r.LastEventNs)}");
        Row("events", $"{r.Events:N0} in {elapsed.TotalSeconds:F2} s ({r.Events / Math.Max(elapsed.TotalSeconds, 1e-9):N0}/s)");
        Row("orders / fills", $"{r.Orders.Count} / {r.Fills.Count}");
        Row("starting balance", r.StartingBalance.ToString(CultureInfo.InvariantCulture));
        Row("final equity", r.FinalEquity.ToString(CultureInfo.InvariantCulture));
        Row("PnL", r.Pnl.ToString(CultureInfo.InvariantCulture));
        Row("fees", r.Fees.ToString(CultureInfo.InvariantCulture));
        Row("funding paid", r.FundingPaid.ToString(CultureInfo.InvariantCulture));
        Row("max drawdown", $"{r.MaxDrawdown.ToString(CultureInfo.InvariantCulture)} ({r.MaxDrawdownPct * 100:F2} %)");
        Row("Sharpe", r.Sharpe.ToString("F3", CultureInfo.InvariantCulture));
        return table;
    }

    internal static string Iso(long ns) =>
        ns == long.MaxValue ? "end" : DateTime.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool).</summary>
    private sealed class InlineProgress(Action<BacktestProgress> report) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value) => report(value);
    }
}
