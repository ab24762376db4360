using System.CommandLine;
using Halyard.Cli.Commands;

namespace Halyard.Cli;

public static class Program
{
    /// <summary>Ctrl+C cancels the command's token; graceful stops (recorder flush, order cancels) get this long before the process ends.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    public static Task<int> Main(string[] args) =>
        BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = ShutdownTimeout });

    /// <summary>The `halyard` command tree; each subcommand lives in Commands/ as one file.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Halyard: an event-driven trading node for Hyperliquid.");
        foreach (Command command in Subcommands()) root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return VersionCommand.Create();
        yield return HlCommand.Create();
        yield return SimCommand.Create();
        yield return CatalogCommand.Create();
        yield return BacktestCommand.Create();
        yield return BackfillCommand.Create();
        yield return RecordCommand.Create();
        yield return DemoCommand.Create();
        yield return LiveCommand.Create();
    }
}
