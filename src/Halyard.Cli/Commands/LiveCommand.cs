using System.CommandLine;
using Halyard.Cli.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard live --config FILE`: a configured node on Hyperliquid (testnet unless mainnet is explicitly allowed),
/// running until Ctrl-C/SIGTERM (or --duration), then stopping gracefully. Bad configs exit 2 naming the field.
/// </summary>
public static class LiveCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config", "-c") { Description = "JSON config file (see configs/live.testnet.json and docs/operations.md).", Required = true };
        var allowMainnet = new Option<bool>("--allow-mainnet") { Description = "Allow network \"mainnet\" (real money)." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (overrides monitoring.metricsPort; 0 = off)." };
        var duration = new Option<string?>("--duration", "-d") { Description = "Stop after this long (e.g. 8h); runs until Ctrl-C when omitted." };
        var statusEvery = new Option<string>("--status-every") { Description = "How often to print a progress line.", DefaultValueFactory = _ => "10s" };
        var check = new Option<bool>("--check") { Description = "Validate the config (and that the key is readable), print what would run, and exit." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Minimum log level.", DefaultValueFactory = _ => LogLevel.Information };
        var command = new Command("live", $"Run a configured trading node on Hyperliquid (testnet by default). Strategies: {string.Join(", ", StrategyCatalog.Names)}.")
        {
            config, allowMainnet, metricsPort, duration, statusEvery, check, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            LiveSettings settings;
            TimeSpan? runFor = null;
            TimeSpan every;
            try
            {
                settings = LiveConfigLoader.Load(parse.GetValue(config)!.FullName, parse.GetValue(allowMainnet), StrategyCatalog.Names);
                if (parse.GetValue(metricsPort) is int port)
                {
                    if (port is < 0 or > 65535) throw new ConfigFileException("--metrics-port", $"must be between 0 and 65535 (got {port})");
                    settings = settings with { MetricsPort = port == 0 ? null : port };
                }
                if (parse.GetValue(duration) is { } text) runFor = DurationText.Parse(text, "--duration");
                every = DurationText.Parse(parse.GetValue(statusEvery), "--status-every");
                if (every < TimeSpan.FromSeconds(1)) throw new FormatException("--status-every must be at least 1s");
            }
            catch (Exception ex) when (ex is ConfigFileException or FormatException)
            {
                error.WriteLine($"invalid config: {ex.Message}");
                return 2;
            }
            output.WriteLine(Describe(settings));
            if (parse.GetValue(check)) return 0;

            using ILoggerFactory loggers = TextWriterLoggerProvider.CreateFactory(error, parse.GetValue(logLevel));
            try
            {
                await NodeSession.RunAsync(settings, runFor, every, output, loggers, ct);
                return 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                error.WriteLine("stopped before the node was running");
                return 130;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error.WriteLine($"live node failed: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>What will run, with the key's source only (the credentials' ToString redacts the key).</summary>
    internal static string Describe(LiveSettings s) =>
        $"node {s.Hyperliquid.TraderId} on {s.Hyperliquid.Exec.Network.ToString().ToLowerInvariant()} ({s.Hyperliquid.Exec.ResolvedEndpoints.RestUrl}); " +
        $"instruments {string.Join(", ", s.Hyperliquid.Data.Instruments)}; strategies {StrategyCatalog.Describe(s.Strategies)}; " +
        $"key from {(s.Hyperliquid.Exec.Credentials.KeyFile is { } file ? $"file {file}" : $"${s.Hyperliquid.Exec.Credentials.KeyVariable}")}; " +
        $"Redis {(s.Hyperliquid.RedisEnabled ? s.Hyperliquid.RedisConnection : "off")}; cancel orders on stop {(s.Node.CancelOrdersOnStop ? "yes" : "no")}; " +
        $"metrics {(s.MetricsPort is int p ? $"http://127.0.0.1:{p}/metrics" : "off")}";
}
