using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Halyard.Persistence.Tests.Redis;

/// <summary>A real redis-server on a free loopback port in a temp directory, started by the test and killed at the end. Fails loudly when redis-server is not installed.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _executable;
    private readonly bool _appendOnly;
    private Process? _process;

    private RedisServer(string executable, int port, string dir, bool appendOnly)
    {
        _executable = executable;
        Port = port;
        Directory = dir;
        _appendOnly = appendOnly;
    }

    public int Port { get; }
    public string Directory { get; }
    /// <summary>Connection string with short timeouts so an outage shows quickly.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000";

    /// <param name="appendOnly">Keep data across a kill (appendfsync always), for outage tests.</param>
    public static async Task<RedisServer> StartAsync(bool appendOnly = false)
    {
        string executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(p => Path.Combine(p, "redis-server")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: these tests need a real Redis (apt-get install -y redis-server)");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string dir = Path.Combine(Path.GetTempPath(), $"halyard-redis-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        var server = new RedisServer(executable, port, dir, appendOnly);
        await server.RestartAsync();
        return server;
    }

    public async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(Configuration);

    /// <summary>Starts the server again on the same port and directory (after <see cref="Kill"/>).</summary>
    public async Task RestartAsync()
    {
        var psi = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--dir", Directory,
                     "--appendonly", _appendOnly ? "yes" : "no", "--appendfsync", "always" })
            psi.ArgumentList.Add(arg);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(20);
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"redis-server did not listen on port {Port} (exited: {_process.HasExited})", ex);
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        return ValueTask.CompletedTask;
    }
}
