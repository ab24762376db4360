using System.Diagnostics;
using Halyard.Core.Node;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Hosting;

/// <summary>
/// Runs a built node: starts it, once a second checks its health (a feed quiet or a client disconnected for longer
/// than the alert threshold raises an alert; a reconnect is logged) and reports progress, and on cancellation
/// (Ctrl-C, SIGTERM) or after the duration stops it gracefully: strategies stop, open orders are canceled as
/// configured, clients disconnect, state is flushed.
/// </summary>
public sealed class NodeRunner(HyperliquidNode node, ILoggerFactory loggers, TimeSpan disconnectAlertAfter)
{
    private readonly ILogger _log = loggers.CreateLogger("Halyard.Node");

    /// <summary>Called once a second with what the node has done and how long it has run (on a pool thread).</summary>
    public Action<NodeActivitySnapshot, TimeSpan>? OnProgress { get; init; }

    /// <summary>The last snapshot, taken after the node stopped (orders canceled and positions closed as configured).</summary>
    public NodeActivitySnapshot? Final { get; private set; }

    /// <summary>How long the node ran, start to stop request.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>True when the run ended because the duration passed (not a cancellation).</summary>
    public bool RanFullDuration { get; private set; }

    /// <exception cref="Exception">Whatever made the node fail to start (it is torn down again).</exception>
    public async Task RunAsync(TimeSpan? duration, CancellationToken ct)
    {
        await node.Node.StartAsync(ct).ConfigureAwait(false);
        node.Activity.MarkMarketDataNow();
        var clock = Stopwatch.StartNew();
        bool quietAlerted = false, disconnectAlerted = false;
        long reconnectsSeen = node.Data.Reconnects;
        TimeSpan? disconnectedSince = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                if (node.Node.State != NodeState.Running) break;
                long reconnects = node.Data.Reconnects;
                if (reconnects > reconnectsSeen) _log.LogWarning("Market data WebSocket reconnected ({Count} reconnects so far) and resubscribed", reconnects);
                reconnectsSeen = reconnects;

                bool connected = node.Data.IsConnected && node.Exec.IsConnected;
                disconnectedSince = connected ? null : disconnectedSince ?? clock.Elapsed;
                if (disconnectedSince is TimeSpan since && clock.Elapsed - since > disconnectAlertAfter && !disconnectAlerted)
                {
                    disconnectAlerted = true;
                    node.Activity.RaiseAlert("a venue client has been disconnected for more than {Seconds} s (data {Data}, execution {Exec})",
                        disconnectAlertAfter.TotalSeconds, node.Data.IsConnected ? "connected" : "disconnected", node.Exec.IsConnected ? "connected" : "disconnected");
                }
                if (connected) disconnectAlerted = false;

                TimeSpan quiet = node.Activity.SinceLastMarketData;
                if (quiet > disconnectAlertAfter && !quietAlerted)
                {
                    quietAlerted = true;
                    node.Activity.RaiseAlert("no market data for {Seconds:0} s: the feed may be disconnected", quiet.TotalSeconds);
                }
                else if (quiet < TimeSpan.FromSeconds(1) && quietAlerted)
                {
                    quietAlerted = false;
                    _log.LogInformation("Market data flowing again");
                }

                if (OnProgress is not null) OnProgress(await node.SnapshotAsync().ConfigureAwait(false), clock.Elapsed);
                if (duration is TimeSpan d && clock.Elapsed >= d)
                {
                    RanFullDuration = true;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _log.LogInformation("Stop requested");
        }
        Elapsed = clock.Elapsed;
        await node.Node.StopAsync(CancellationToken.None).ConfigureAwait(false);
        Final = await node.SnapshotAsync().ConfigureAwait(false);
    }
}
