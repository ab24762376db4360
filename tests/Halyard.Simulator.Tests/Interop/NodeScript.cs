using System.Diagnostics;

namespace Halyard.Simulator.Tests.Interop;

/// <summary>Runs a script of tests/interop under node (with the flag Node 20 needs for WebSocket); fails loudly when node or the packages are missing.</summary>
internal static class NodeScript
{
    public static string InteropDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }
        throw new InvalidOperationException("tests/interop/package.json not found above " + AppContext.BaseDirectory);
    }

    public static async Task<string> RunAsync(string script, string stdin, CancellationToken cancellationToken)
    {
        string dir = InteropDirectory();
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@nktkas", "hyperliquid")))
            throw new InvalidOperationException($"{dir}/node_modules is missing: run `npm ci` in tests/interop (test.sh does this)");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = dir,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (await NodeMajorAsync(cancellationToken) < 22) start.ArgumentList.Add("--experimental-websocket");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static async Task<int> NodeMajorAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed or not on PATH; the interop tests need Node 20+", e);
        }
        using (process)
        {
            string version = (await process.StandardOutput.ReadToEndAsync(cancellationToken)).Trim().TrimStart('v');
            await process.WaitForExitAsync(cancellationToken);
            return int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
