using System.CommandLine;

namespace Halyard.Cli.Commands;

/// <summary>Options several commands take, defined once so their names, defaults and help read the same everywhere.</summary>
internal static class SharedOptions
{
    public static Option<DirectoryInfo> CatalogRoot() => new("--catalog", "-c")
    {
        Description = "Catalog root folder.",
        DefaultValueFactory = _ => new DirectoryInfo(Halyard.Persistence.Catalog.CatalogOptions.DefaultRoot),
    };

    public static Option<string[]> Instruments() => new("--instruments", "-i")
    {
        Description = "Instruments, comma-separated (BTC-USD-PERP,ETH-USD-PERP).",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };
}
