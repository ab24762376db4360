using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Halyard.Cli.Hosting;

/// <summary>
/// One run of a node for a command: builds it, serves /metrics when asked, prints a progress line every
/// <c>progressEvery</c>, runs until the duration passes or <c>ct</c> fires, stops gracefully and prints the summary.
/// </summary>
public static class NodeSession
{
    /// <summary>The run's outcome; throws (after tearing everything down) when the node cannot be built or started.</summary>
    public static async Task<NodeSessionResult> RunAsync(LiveSettings settings, TimeSpan? duration, TimeSpan progressEvery,
        TextWriter output, ILoggerFactory loggers, CancellationToken ct)
    {
        using var collector = settings.MetricsPort is null ? null : new PrometheusCollector();
        await using HyperliquidNode node = await HyperliquidNodeBuilder.BuildAsync(settings, loggers, ct).ConfigureAwait(false);
        await using MetricsEndpoint? endpoint = settings.MetricsPort is int port
            ? await MetricsEndpoint.StartAsync(collector!, port, ct).ConfigureAwait(false)
            : null;
        if (endpoint is not null) output.WriteLine($"metrics: {endpoint.Url}");

        NodeActivitySnapshot? previous = null;
        TimeSpan previousAt = TimeSpan.Zero;
        var runner = new NodeRunner(node, loggers, settings.DisconnectAlertAfter)
        {
            OnProgress = (snapshot, elapsed) =>
            {
                if (elapsed - previousAt < progressEvery - TimeSpan.FromMilliseconds(100)) return;
                output.WriteLine(ProgressReport.Line(snapshot, previous, elapsed, elapsed - previousAt, node.Metrics));
                previous = snapshot;
                previousAt = elapsed;
            },
        };
        await runner.RunAsync(duration, ct).ConfigureAwait(false);

        NodeActivitySnapshot final = runner.Final!;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (ReferenceEquals(output, Console.Out) && Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out)) console.Profile.Width = 120;
        console.Write(ProgressReport.Summary(final, runner.Elapsed, node.Metrics, node.Data.Reconnects));
        return new NodeSessionResult(final, runner.Elapsed, runner.RanFullDuration);
    }
}
