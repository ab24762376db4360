using System.CommandLine;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>The console a command writes its tables and progress to: the invocation's output, with colour where the terminal has it.</summary>
internal static class CommandConsole
{
    /// <summary>
    /// Piped or captured output has no terminal width, so it gets <paramref name="pipedWidth"/> columns rather than being
    /// squeezed into 80; <paramref name="interactive"/> says whether a person is watching a terminal.
    /// </summary>
    public static IAnsiConsole Create(ParseResult parse, int pipedWidth, out bool interactive)
    {
        TextWriter output = parse.InvocationConfiguration.Output;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive) console.Profile.Width = pipedWidth;
        return console;
    }
}
