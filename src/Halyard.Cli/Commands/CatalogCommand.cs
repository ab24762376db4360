using System.CommandLine;
using System.Globalization;
using Halyard.Persistence.Catalog;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>`halyard catalog ls`: what a Parquet data catalog holds.</summary>
public static class CatalogCommand
{
    public static Command Create()
    {
        var catalogPath = SharedOptions.CatalogRoot();
        var ls = new Command("ls", "List types, instruments, time ranges, rows and bytes.") { catalogPath };
        ls.SetAction(parse =>
        {
            DirectoryInfo root = parse.GetValue(catalogPath)!;
            if (!root.Exists)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no catalog at '{root.FullName}'");
                return 1;
            }
            IReadOnlyList<CatalogEntry> entries = new ParquetDataCatalog(root.FullName).List();
            IAnsiConsole console = CommandConsole.Create(parse, pipedWidth: 240, out _);
            console.Write(Table(entries));
            console.WriteLine($"{entries.Count} streams, {entries.Sum(e => e.Files)} files, {entries.Sum(e => e.Rows):N0} rows, {Bytes(entries.Sum(e => e.Bytes))} in {root.FullName}");
            int bad = entries.Sum(e => e.BadFiles);
            if (bad > 0) parse.InvocationConfiguration.Error.WriteLine($"{bad} unreadable files (see the warnings of a query for their paths)");
            return 0;
        });
        return new Command("catalog", "Inspect a Parquet data catalog.") { ls };
    }

    private static Table Table(IReadOnlyList<CatalogEntry> entries)
    {
        var table = new Table().AddColumns("type", "instrument / bar type", "from (ts_init, UTC)", "to", "files", "rows", "bytes", "bytes/row", "bad", "tmp");
        foreach (CatalogEntry entry in entries)
        {
            table.AddRow(
                CatalogLayout.FolderOf(entry.Kind), Markup.Escape(entry.Key), Time(entry.StartNs), Time(entry.EndNs),
                entry.Files.ToString(CultureInfo.InvariantCulture), entry.Rows.ToString("N0", CultureInfo.InvariantCulture), Bytes(entry.Bytes),
                entry.Rows == 0 ? "-" : ((double)entry.Bytes / entry.Rows).ToString("F1", CultureInfo.InvariantCulture),
                entry.BadFiles.ToString(CultureInfo.InvariantCulture), entry.TemporaryFiles.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static string Time(long ns) =>
        DateTime.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:F1} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):F1} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):F2} GiB",
    };
}
