using System.CommandLine;
using System.Security.Cryptography;
using Halyard.Cli.Hosting;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.Samples;
using Halyard.Simulator;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard demo`: the embedded simulator on a free port, a throwaway funded key, and the sample strategy on BTC and
/// ETH through the real Hyperliquid adapter (data and execution clients over loopback sockets), with live progress
/// and a summary. Needs no keys and writes no files: the key lives in a variable of this process only.
/// </summary>
public static class DemoCommand
{
    public const decimal StartingBalance = 10_000m;
    private static readonly string[] Coins = ["BTC", "ETH"];

    public static Command Create()
    {
        var duration = new Option<string>("--duration", "-d") { Description = "How long to trade, e.g. 30s, 5m (Ctrl-C ends early with the summary).", DefaultValueFactory = _ => "60s" };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated market; the same seed gives the same market.", DefaultValueFactory = _ => 1 };
        var strategy = new Option<string>("--strategy", "-s") { Description = $"Sample strategy ({string.Join(", ", StrategyCatalog.Names)}).", DefaultValueFactory = _ => StrategyCatalog.Default };
        var metricsPort = new Option<int>("--metrics-port") { Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (0 = off)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log the node's information messages too (to stderr)." };
        var command = new Command("demo", "Trade the sample strategy on BTC and ETH against the embedded simulator through the real Hyperliquid adapter; no keys needed.")
        {
            duration, seed, strategy, metricsPort, verbose,
        };
        command.SetAction(async (parse, ct) =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            if (!DurationText.TryParse(parse.GetValue(duration), out TimeSpan runFor) || runFor <= TimeSpan.Zero)
            {
                error.WriteLine($"--duration must be a positive duration such as 30s, 2m or 1h (got '{parse.GetValue(duration)}')");
                return 2;
            }
            string name = parse.GetValue(strategy)!;
            if (!StrategyCatalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                error.WriteLine($"--strategy: unknown strategy '{name}' (one of {string.Join(", ", StrategyCatalog.Names)})");
                return 2;
            }
            int port = parse.GetValue(metricsPort);
            if (port is < 0 or > 65535)
            {
                error.WriteLine($"--metrics-port must be between 0 and 65535 (got {port})");
                return 2;
            }
            using ILoggerFactory loggers = TextWriterLoggerProvider.CreateFactory(error, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            return await RunAsync(new DemoRequest(runFor, parse.GetValue(seed), name, port == 0 ? null : port), output, error, loggers, ct);
        });
        return command;
    }

    internal sealed record DemoRequest(TimeSpan Duration, int Seed, string Strategy, int? MetricsPort);

    internal static async Task<int> RunAsync(DemoRequest request, TextWriter output, TextWriter error, ILoggerFactory loggers, CancellationToken ct)
    {
        // A throwaway key, visible to this process only (an environment variable of ours, never a file).
        string keyVariable = $"HALYARD_DEMO_PK_{Environment.ProcessId}_{Guid.NewGuid():N}";
        (string keyHex, string address) = NewKey();
        Environment.SetEnvironmentVariable(keyVariable, keyHex);
        try
        {
            await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                Port = 0,
                Seed = request.Seed,
                TickInterval = TimeSpan.FromMilliseconds(100),
                Genesis = new Dictionary<string, decimal> { [address] = StartingBalance },
            }, ct);
            output.WriteLine($"simulator at {simulator.Url} (seed {request.Seed}); throwaway account {address} funded with {StartingBalance:N0} USDC");
            output.WriteLine($"running {request.Strategy} on {string.Join(" and ", Coins)} for {DurationText.Format(request.Duration)} through the Hyperliquid adapter (Ctrl-C ends early)");
            LiveSettings settings = Settings(new Uri(simulator.Url), keyVariable, request);
            NodeSessionResult result = await NodeSession.RunAsync(settings, request.Duration, TimeSpan.FromSeconds(1), output, loggers, ct);
            if (result.RanFullDuration && result.Final.Fills == 0)
            {
                error.WriteLine($"the demo ran {DurationText.Format(request.Duration)} without a fill ({result.Final.Orders} orders, {result.Final.Rejections} rejected): something is wrong; rerun with --verbose");
                return 1;
            }
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            error.WriteLine("demo canceled before the node started");
            return 130;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error.WriteLine($"demo failed: {ex.Message}");
            return 1;
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
        }
    }

    internal static LiveSettings Settings(Uri simulatorUrl, string keyVariable, DemoRequest request)
    {
        const string traderId = "DEMO-001";
        HyperliquidEndpoints endpoints = HyperliquidEndpoints.At(simulatorUrl);
        InstrumentId[] instruments = Coins.Select(c => InstrumentId.Perpetual(c)).ToArray();
        return new LiveSettings
        {
            Hyperliquid = new HyperliquidNodeConfig
            {
                TraderId = traderId,
                Data = new HyperliquidDataClientConfig { Endpoints = endpoints, Instruments = instruments, SubscribeBook = false },
                Exec = new HyperliquidExecClientConfig
                {
                    Endpoints = endpoints,
                    Credentials = new HyperliquidCredentials { KeyVariable = keyVariable },
                    UseWebSocketPost = true,
                },
            }.Validate(),
            Node = new TradingNodeConfig
            {
                TraderId = traderId,
                RiskManager = SampleStrategies.Risk,
                CancelOrdersOnStop = true,
                ClosePositionsOnStop = true, // the demo ends flat: its PnL is realized
                ConnectTimeout = TimeSpan.FromSeconds(30),
            }.Validate(),
            Strategies = instruments.Select(id => new StrategySpec(request.Strategy, id)).ToList(),
            MetricsPort = request.MetricsPort,
            DisconnectAlertAfter = TimeSpan.FromSeconds(5),
        };
    }

    /// <summary>A random valid secp256k1 key (hex without 0x) and its address.</summary>
    private static (string Hex, string Address) NewKey()
    {
        Span<byte> secret = stackalloc byte[32];
        while (true)
        {
            RandomNumberGenerator.Fill(secret);
            try
            {
                PrivateKey key = PrivateKey.FromBytes(secret);
                return (Convert.ToHexStringLower(secret), key.Address);
            }
            catch (ArgumentException)
            {
                // zero or above the curve order (about 1 in 2^128): draw again
            }
            finally
            {
                // the hex string is what we keep; the bytes are wiped
                CryptographicOperations.ZeroMemory(secret);
            }
        }
    }
}
