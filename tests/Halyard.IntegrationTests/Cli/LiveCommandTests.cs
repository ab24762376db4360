using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Halyard.Cli.Commands;
using Halyard.Hyperliquid.Signing;
using Halyard.Simulator;

namespace Halyard.IntegrationTests.Cli;

/// <summary>`halyard live --config` against an in-process simulator with the key in an environment variable.</summary>
public sealed class LiveCommandTests : IAsyncLifetime
{
    private const string KeyHex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private readonly string _dir = Directory.CreateTempSubdirectory("halyard-live-").FullName;
    private readonly string _keyVariable = $"HALYARD_TEST_LIVE_PK_{Guid.NewGuid():N}";
    private SimulatorHost _sim = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, Seed = 5, TickInterval = TimeSpan.FromMilliseconds(100) },
            TestContext.Current.CancellationToken);
        _sim.Fund(PrivateKey.FromHex(KeyHex).Address, 50_000m);
        Environment.SetEnvironmentVariable(_keyVariable, "0x" + KeyHex);
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        await _sim.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Config(string extra = "")
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "traderId": "TESTER-001",
              "restUrl": "{{_sim.Url}}",
              "key": { "variable": "{{_keyVariable}}" },
              "riskManager": { "stopLossPercent": 0.01, "maxPositionNotional": 1000 },
              {{extra}}
              "strategies": [ { "name": "emacross", "instrument": "BTC-USD-PERP" }, { "name": "emacross", "instrument": "ETH-USD-PERP" } ]
            }
            """);
        return path;
    }

    [Fact]
    public async Task Live_runs_a_configured_node_trades_and_stops_cleanly_after_its_duration()
    {
        int port = NodeCommandRun.FreePort();
        var run = new NodeCommandRun(LiveCommand.Create(),
            ["live", "--config", Config("\"node\": { \"closePositionsOnStop\": true },"), "--duration", "10s", "--status-every", "1s", "--metrics-port", port.ToString(CultureInfo.InvariantCulture)],
            TestContext.Current.CancellationToken);
        await run.WaitForOutputAsync(@"\[\s+1s\] quotes", TimeSpan.FromSeconds(90));
        using var http = new HttpClient();
        string metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
        metrics.ShouldContain("halyard_feed_latency_us_bucket");

        int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        code.ShouldBe(0, $"OUTPUT:\n{run.Output}\nERROR:\n{run.Error}");
        run.Output.ShouldContain("node TESTER-001 on testnet");
        run.Error.ShouldContain("Node TESTER-001 running");
        run.Error.ShouldContain("Node TESTER-001 stopped");
        int.Parse(run.Summary("fills"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        run.Summary("open orders at end").ShouldBe("0", "cancel-on-stop leaves nothing working");
        run.Summary("positions at end").ShouldBe("flat");
        (run.Output + run.Error).ShouldNotContain(KeyHex);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_live_node_gracefully()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = new NodeCommandRun(LiveCommand.Create(), ["live", "--config", Config(), "--status-every", "1s"], stop.Token);
        await run.WaitForOutputAsync(@"\[\s+2s\] quotes", TimeSpan.FromSeconds(90));
        stop.Cancel();
        int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        code.ShouldBe(0, $"OUTPUT:\n{run.Output}\nERROR:\n{run.Error}");
        run.Error.ShouldContain("Stop requested");
        run.Error.ShouldContain("Node TESTER-001 stopped");
        run.Error.ShouldContain("Strategy EMACROSS-BTC stopping");
    }

    [Fact]
    public async Task A_quiet_feed_raises_an_alert_counted_in_the_metrics_and_clears_when_data_returns()
    {
        int port = NodeCommandRun.FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = new NodeCommandRun(LiveCommand.Create(),
            ["live", "--config", Config("\"monitoring\": { \"disconnectAlertAfter\": \"2s\" },"), "--status-every", "1s", "--metrics-port", port.ToString(CultureInfo.InvariantCulture)],
            stop.Token);
        try
        {
            await run.WaitForOutputAsync(@"\[\s+1s\] quotes", TimeSpan.FromSeconds(90));
            _sim.Pause();
            for (int i = 0; i < 300 && !run.Error.Contains("ALERT no market data", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
            run.Error.ShouldContain("ALERT no market data");
            using var http = new HttpClient();
            string metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics", TestContext.Current.CancellationToken);
            metrics.ShouldContain("halyard_node_alerts_total 1");
            _sim.Resume();
            for (int i = 0; i < 300 && !run.Error.Contains("Market data flowing again", StringComparison.Ordinal); i++) await Task.Delay(100, TestContext.Current.CancellationToken);
            run.Error.ShouldContain("Market data flowing again");
        }
        finally
        {
            _sim.Resume();
            stop.Cancel();
        }
        (await run.Exit.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBe(0, run.Error);
        run.Summary("alerts").ShouldBe("1");
    }

    [Fact]
    public async Task A_bad_config_exits_2_naming_the_field_without_printing_the_key()
    {
        var run = new NodeCommandRun(LiveCommand.Create(), ["live", "--config", Config("\"exec\": { \"maxRetries\": 42 }, \"privateKey\": \"0x" + KeyHex + "\",")],
            TestContext.Current.CancellationToken);
        (await run.Exit).ShouldBe(2);
        run.Error.ShouldContain("privateKey");
        (run.Output + run.Error).ShouldNotContain(KeyHex);

        run = new NodeCommandRun(LiveCommand.Create(), ["live", "--config", Config("\"exec\": { \"maxRetries\": 42 },")], TestContext.Current.CancellationToken);
        (await run.Exit).ShouldBe(2);
        run.Error.ShouldContain("exec.maxRetries");
    }

    [Fact]
    public async Task A_missing_key_fails_at_start_naming_the_variable_not_a_value()
    {
        string path = Config();
        File.WriteAllText(path, File.ReadAllText(path).Replace(_keyVariable, "HALYARD_TEST_UNSET_PK", StringComparison.Ordinal));
        var run = new NodeCommandRun(LiveCommand.Create(), ["live", "--config", path], TestContext.Current.CancellationToken);
        (await run.Exit).ShouldBe(2);
        run.Error.ShouldContain("key.variable: HALYARD_TEST_UNSET_PK is not set");
    }

    [Fact]
    public async Task With_redis_enabled_the_node_keeps_its_state_in_a_real_redis_server()
    {
        int redisPort = NodeCommandRun.FreePort();
        using Process redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {redisPort} --save \"\" --appendonly no --bind 127.0.0.1")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start (install it: apt-get install redis-server)");
        try
        {
            await WaitForPortAsync(redisPort);
            var run = new NodeCommandRun(LiveCommand.Create(),
                ["live", "--config", Config($$"""  "redis": { "enabled": true, "connection": "127.0.0.1:{{redisPort}}" },"""), "--duration", "8s", "--status-every", "1s"],
                TestContext.Current.CancellationToken);
            int code = await run.Exit.WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
            code.ShouldBe(0, $"OUTPUT:\n{run.Output}\nERROR:\n{run.Error}");
            run.Output.ShouldContain($"Redis 127.0.0.1:{redisPort}");
            int fills = int.Parse(run.Summary("fills"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            fills.ShouldBeGreaterThan(0);
            // The orders the node placed were written to Redis under its trader id.
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, redisPort, TestContext.Current.CancellationToken);
            using var stream = client.GetStream();
            await stream.WriteAsync("*2\r\n$4\r\nKEYS\r\n$1\r\n*\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
            var buffer = new byte[65536];
            int read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
            System.Text.Encoding.UTF8.GetString(buffer, 0, read).ShouldContain("TESTER-001");
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on {port}");
    }
}
