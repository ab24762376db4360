using System.CommandLine;
using Halyard.Cli.Commands;

namespace Halyard.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => BuildRoot().Parse(args).InvokeAsync();

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
    }
}
