using System.Diagnostics;

namespace Halyard.Hyperliquid.Tests.Interop;

/// <summary>Runs a script of tests/interop under node; fails loudly when node or its packages are missing.</summary>
internal static class NodeInterop
{
    public static string Directory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("tests/interop/package.json not found above " + AppContext.BaseDirectory);
    }

    public static async Task<string> RunAsync(string script, string stdin, CancellationToken ct)
    {
        var dir = Directory();
        if (!System.IO.Directory.Exists(Path.Combine(dir, "node_modules", "@nktkas", "hyperliquid")))
            throw new InvalidOperationException($"{dir}/node_modules is missing: run `npm ci` in tests/interop (test.sh does this)");
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("node is not installed or not on PATH; the interop tests need Node 20+", ex);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
            process.StandardInput.Close();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
            return await stdout;
        }
    }
}
