using System.CommandLine;

namespace Halyard.IntegrationTests.Support;

/// <summary>Runs `halyard` subcommands in-process with captured output, as a user would from a shell.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(Command command, params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(command);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
