using System.CommandLine;
using Halyard.Simulator;

namespace Halyard.Cli.Commands;

/// <summary>`halyard sim`: runs the local Hyperliquid-compatible exchange until Ctrl+C.</summary>
public static class SimCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "TCP port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var seed = new Option<int>("--seed") { Description = "Seed of the living market; the same seed gives the same market.", DefaultValueFactory = _ => 1 };
        var genesis = new Option<FileInfo?>("--genesis") { Description = "JSON file of address → USDC balance funded at start." };
        var testnet = new Option<bool>("--testnet") { Description = "Verify signatures for testnet (the default)." };
        var mainnet = new Option<bool>("--mainnet") { Description = "Verify signatures for mainnet (phantom agent source \"a\", hyperliquidChain \"Mainnet\")." };
        var tickMs = new Option<int>("--tick-ms") { Description = "Market tick period in milliseconds.", DefaultValueFactory = _ => 250 };
        var historyHours = new Option<double>("--history-hours") { Description = "Hours of candles and funding rates generated before the start (for backfill), at most a week.", DefaultValueFactory = _ => 0 };
        var paused = new Option<bool>("--paused") { Description = "Start with the market paused (drive it with POST /sim/step)." };
        var command = new Command("sim", "Run a local Hyperliquid-compatible exchange (POST /info, POST /exchange, WS /ws, control API /sim/*).")
        {
            port, seed, genesis, testnet, mainnet, tickMs, paused, historyHours,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(testnet) && parse.GetValue(mainnet))
            {
                error.WriteLine("--testnet and --mainnet are mutually exclusive");
                return 2;
            }
            SimulatorOptions options;
            try
            {
                options = new SimulatorOptions
                {
                    Port = parse.GetValue(port),
                    Seed = parse.GetValue(seed),
                    IsMainnet = parse.GetValue(mainnet),
                    Genesis = parse.GetValue(genesis) is { } file ? GenesisFile.Load(file.FullName) : new Dictionary<string, decimal>(),
                    TickInterval = TimeSpan.FromMilliseconds(parse.GetValue(tickMs)),
                    StartPaused = parse.GetValue(paused),
                    History = TimeSpan.FromHours(parse.GetValue(historyHours)),
                };
                options.Validate();
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or System.Text.Json.JsonException)
            {
                error.WriteLine($"invalid simulator settings: {e.Message}");
                return 2;
            }
            await using var host = await SimulatorHost.StartAsync(options, cancellationToken);
            output.WriteLine($"listening on {host.Url}");
            output.WriteLine($"websocket {host.WebSocketUrl}; {(options.IsMainnet ? "mainnet" : "testnet")} signatures; seed {options.Seed}");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
