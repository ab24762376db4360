using System.Net;
using System.Text;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;
using Halyard.Simulator;

namespace Halyard.Benchmarks.Simulator;

/// <summary>
/// A simulator on loopback and N clients, each with its own funded key, its own HTTP connection and a pool of
/// orders signed in advance (signing is the client's cost, not the server's). Every order is a post-only bid far
/// below the market, so it is accepted and rests: the server recovers the signer, checks the nonce and matches.
/// </summary>
internal sealed class SimulatorLoad : IAsyncDisposable
{
    private readonly SimulatorHost _host;
    private readonly LoadClient[] _clients;

    private SimulatorLoad(SimulatorHost host, LoadClient[] clients)
    {
        _host = host;
        _clients = clients;
    }

    public IReadOnlyList<LoadClient> Clients => _clients;

    public static async Task<SimulatorLoad> StartAsync(int clients, int ordersPerClient)
    {
        var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Port = 0, StartPaused = true, TakerProbability = 0, MaxOpenOrdersPerAccount = 1_000_000,
        });
        var loadClients = new LoadClient[clients];
        for (int c = 0; c < clients; c++)
        {
            var key = PrivateKey.FromHex("0x" + (c + 1).ToString("x2") + new string('1', 62));
            host.Fund(key.Address, 100_000_000m);
            var signer = new HyperliquidSigner(key, isMainnet: false);
            var bodies = new byte[ordersPerClient][];
            // Nonces: distinct per client and increasing, near now so they stay inside the exchange's window.
            ulong nonce = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000;
            for (int i = 0; i < ordersPerClient; i++)
            {
                var action = new OrderAction(new OrderWire(0, true, "50000", "0.001", false, OrderTypeWire.Limit(TimeInForce.Alo)));
                var signed = signer.SignL1(action, ++nonce);
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
                using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
                    ExchangeRequestJson.WriteL1(json, action, nonce, signed.Signature);
                bodies[i] = buffer.WrittenSpan.ToArray();
            }
            loadClients[c] = new LoadClient(new Uri(host.Url + "/exchange"), bodies);
        }
        return new SimulatorLoad(host, loadClients);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _host.DisposeAsync();
    }
}

/// <summary>One client: a single keep-alive connection and its pre-signed orders, sent in order.</summary>
internal sealed class LoadClient : IDisposable
{
    private static readonly byte[] Resting = "\"resting\""u8.ToArray();
    private readonly HttpClient _http;
    private readonly Uri _exchange;
    private readonly byte[][] _bodies;
    private int _next;

    public LoadClient(Uri exchange, byte[][] bodies)
    {
        _exchange = exchange;
        _bodies = bodies;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false })
        {
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    public int Remaining => _bodies.Length - _next;

    /// <summary>Sends the next pre-signed order and checks the exchange accepted it (a resting status).</summary>
    public async Task SendNextAsync()
    {
        if (_next == _bodies.Length) throw new InvalidOperationException("the pool of pre-signed orders is used up; raise ordersPerClient");
        using var content = new ByteArrayContent(_bodies[_next++]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(_exchange, content).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (answer.AsSpan().IndexOf(Resting) < 0)
            throw new InvalidOperationException("order not accepted: " + Encoding.UTF8.GetString(answer));
    }

    public void Dispose() => _http.Dispose();
}
