using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Halyard.IntegrationTests.Cli;

/// <summary>Runs `demo`/`live` in-process with writers that can be read while the command runs (it writes from several threads).</summary>
internal sealed class NodeCommandRun
{
    private readonly SyncWriter _output = new();
    private readonly SyncWriter _error = new();

    public string Output => _output.ToString();
    public string Error => _error.ToString();
    public Task<int> Exit { get; }

    public NodeCommandRun(Command command, string[] args, CancellationToken ct)
    {
        var root = new RootCommand();
        root.Subcommands.Add(command);
        Exit = root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error }, ct);
    }

    /// <summary>Waits (generously: the CI machine is loaded) until the output matches, or fails showing both streams.</summary>
    public async Task<Match> WaitForOutputAsync(string pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Match m = Regex.Match(Output, pattern);
            if (m.Success) return m;
            if (Exit.IsCompleted) break;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Match last = Regex.Match(Output, pattern);
        last.Success.ShouldBeTrue($"no '{pattern}' in the output.\nOUTPUT:\n{Output}\nERROR:\n{Error}");
        return last;
    }

    /// <summary>A value of the summary table, e.g. Summary("fills").</summary>
    public string Summary(string metric)
    {
        Match m = Regex.Match(Output, $@"│ {Regex.Escape(metric)}\s*│ ([^│]*?)\s*│");
        m.Success.ShouldBeTrue($"no '{metric}' row in the summary.\nOUTPUT:\n{Output}\nERROR:\n{Error}");
        return m.Groups[1].Value;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SyncWriter : TextWriter
    {
        private readonly StringBuilder _text = new();
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { lock (_text) _text.Append(value); }
        public override void Write(string? value) { lock (_text) _text.Append(value); }
        public override void Write(char[] buffer, int index, int count) { lock (_text) _text.Append(buffer, index, count); }
        public override string ToString() { lock (_text) return _text.ToString(); }
    }
}
