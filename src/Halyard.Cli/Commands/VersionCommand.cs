using System.CommandLine;
using System.Reflection;

namespace Halyard.Cli.Commands;

/// <summary>`halyard version`: prints the build's version.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print Halyard's version.");
        command.SetAction(parse =>
        {
            string version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parse.InvocationConfiguration.Output.WriteLine($"halyard {version}");
            return 0;
        });
        return command;
    }
}
