using System.Net;
using Halyard.Simulator.Http;
using Halyard.Simulator.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Halyard.Simulator;

/// <summary>
/// A running local exchange: Kestrel serving POST /info, POST /exchange, the WebSocket at /ws and (on loopback) the
/// /sim control API, over a seeded living market. Start with <see cref="StartAsync"/>; dispose to stop.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorRuntime _runtime;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _idleSweeper;

    private SimulatorHost(WebApplication app, SimulatorRuntime runtime, string url)
    {
        _app = app;
        _runtime = runtime;
        Url = url;
        _idleSweeper = SweepIdleConnectionsAsync(_stopping.Token);
    }

    /// <summary>Base URL of the REST API, e.g. http://127.0.0.1:8080 (a client posts to {Url}/info).</summary>
    public string Url { get; }

    /// <summary>The WebSocket URL, {Url with ws://}/ws.</summary>
    public string WebSocketUrl => "ws" + Url["http".Length..] + "/ws";

    /// <summary>The bound TCP port (the free one picked when the options asked for port 0).</summary>
    public int Port => new Uri(Url).Port;

    public SimulatorOptions Options => _runtime.Options;

    /// <summary>Starts a simulator and returns once it accepts connections.</summary>
    public static async Task<SimulatorHost> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null) builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (IPAddress.TryParse(options.Host, out var ip)) kestrel.Listen(ip, options.Port);
            else if (options.Host == "localhost") kestrel.ListenLocalhost(options.Port);
            else kestrel.ListenAnyIP(options.Port);
        });
        var runtime = new SimulatorRuntime(options, TimeProvider.System, loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Use(async (context, next) =>
        {
            // Fault injection applies to the exchange's API, never to the control API that sets it.
            if (!context.Request.Path.StartsWithSegments("/sim") && !context.WebSockets.IsWebSocketRequest)
            {
                if (runtime.Faults.DelayMs is > 0 and int delay) await Task.Delay(delay, context.RequestAborted);
                if (runtime.Faults.TakeFailure() is not 0 and int status)
                {
                    context.Response.StatusCode = status;
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync(FaultInjector.StatusText(status), context.RequestAborted);
                    return;
                }
            }
            await next(context);
        });
        ApiEndpoints.Map(app, runtime);
        long connectionIds = 0;
        app.Map("/ws", context => ServeWebSocketAsync(context, runtime, Interlocked.Increment(ref connectionIds)));
        if (options.ControlApiEnabled) ControlEndpoints.Map(app, runtime);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        var host = new SimulatorHost(app, runtime, $"http://{uri.Host}:{uri.Port}");
        runtime.Market.Start();
        return host;
    }

    /// <summary>Credits <paramref name="usdc"/> to an account, creating it (what POST /sim/fund does).</summary>
    public void Fund(string user, decimal usdc) => _runtime.Exchange.Fund(user, usdc);

    /// <summary>Credits a sub-account of <paramref name="master"/>, which the master (or its agents) then act for via vaultAddress.</summary>
    public void FundSubAccount(string subAccount, string master, decimal usdc)
    {
        string sub = AddressText.Normalize(subAccount) ?? throw new ArgumentException($"'{subAccount}' is not an address", nameof(subAccount));
        string owner = AddressText.Normalize(master) ?? throw new ArgumentException($"'{master}' is not an address", nameof(master));
        _runtime.Exchange.Fund(sub, usdc);
        _runtime.Exchange.RegisterSubAccount(sub, owner);
    }

    /// <summary>The fair (= mark) price of a coin now.</summary>
    public decimal FairPrice(string coin) => _runtime.Market.FairPrice(coin);

    /// <summary>Answers the next <paramref name="count"/> API requests with <paramref name="httpStatus"/> (e.g. 429).</summary>
    public void FailNextRequests(int httpStatus, int count = 1) => _runtime.Faults.FailNext(httpStatus, count);

    /// <summary>Delays every API answer (TimeSpan.Zero clears).</summary>
    public void DelayResponses(TimeSpan delay) => _runtime.Faults.SetDelay((int)delay.TotalMilliseconds);

    /// <summary>Rejects the next order with <paramref name="reason"/> as its per-order error.</summary>
    public void RejectNextOrder(string reason) => _runtime.Faults.RejectNextOrder(reason);

    /// <summary>Moves a coin's fair and mark price; the book follows and triggers fire (POST /sim/price).</summary>
    public void SetPrice(string coin, decimal px) => _runtime.Market.SetFairPrice(coin, px);

    /// <summary>Stops the market loop (POST /sim/pause).</summary>
    public void Pause() => _runtime.Market.Pause();

    /// <summary>Restarts the market loop (POST /sim/resume).</summary>
    public void Resume() => _runtime.Market.Resume();

    /// <summary>Runs <paramref name="ticks"/> market ticks now, paused or not (POST /sim/step).</summary>
    public void Step(int ticks = 1) => _runtime.Market.Step(ticks);

    /// <summary>Counters and rates (GET /sim/stats).</summary>
    public SimulatorStats Stats() => SimulatorStats.From(_runtime);

    /// <summary>Drops every WebSocket connection without a close handshake.</summary>
    public void DropWebSockets()
    {
        foreach (var connection in _runtime.Hub.Connections) connection.Abort();
    }

    private static async Task ServeWebSocketAsync(HttpContext context, SimulatorRuntime runtime, long connectionId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("WebSocket upgrade expected");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new WsConnection(connectionId, socket, runtime.Time);
        runtime.Hub.AddConnection(connection);
        try
        {
            var sending = connection.SendLoopAsync(runtime.Metrics.MessagesSent);
            await new WsSession(connection, socket, runtime).ReceiveLoopAsync();
            await sending;
        }
        finally
        {
            runtime.Hub.RemoveConnection(connection);
        }
    }

    // The exchange closes a connection it has sent nothing on for 60 s; so do we (configurable for tests).
    private async Task SweepIdleConnectionsAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromMilliseconds(Math.Clamp(_runtime.Options.WebSocketIdleTimeout.TotalMilliseconds / 4, 25, 1000));
        using var timer = new PeriodicTimer(period, _runtime.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var connection in _runtime.Hub.Connections)
                    if (connection.IdleFor > _runtime.Options.WebSocketIdleTimeout)
                        _ = connection.CloseAsync("idle timeout");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        await _idleSweeper.ConfigureAwait(false);
        _runtime.Market.Dispose();
        foreach (var connection in _runtime.Hub.Connections) connection.Abort();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _runtime.Dispose();
        _stopping.Dispose();
    }
}
