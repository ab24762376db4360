using System.Net;
using System.Text;
using System.Text.Json;

namespace Halyard.Simulator.Tests.Support;

/// <summary>A simulator on 127.0.0.1, a free port, with an HTTP client pointed at it. Paused by default: tests step it.</summary>
internal sealed class TestSimulator : IAsyncDisposable
{
    private TestSimulator(SimulatorHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromSeconds(20) };
    }

    public SimulatorHost Host { get; }
    public HttpClient Http { get; }

    public static async Task<TestSimulator> StartAsync(Func<SimulatorOptions, SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Port = 0, Seed = 7, StartPaused = true, TakerProbability = 0 };
        options = configure?.Invoke(options) ?? options;
        return new TestSimulator(await SimulatorHost.StartAsync(options, TestContext.Current.CancellationToken));
    }

    /// <summary>A funded wallet (genesis-equivalent credit through the control API).</summary>
    public async Task<TestWallet> FundedWalletAsync(decimal usdc = 100_000m)
    {
        var wallet = TestWallet.Create(Host.Options.IsMainnet);
        var (status, _) = await PostAsync("/sim/fund", $"{{\"user\":\"{wallet.Address}\",\"usdc\":\"{usdc}\"}}");
        status.ShouldBe(HttpStatusCode.OK);
        return wallet;
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> InfoAsync(string json) => PostAsync("/info", json);

    public Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string json) => PostAsync("/exchange", json);

    /// <summary>POSTs /exchange and returns the body after checking it is a 200 JSON answer.</summary>
    public async Task<JsonElement> ActAsync(string json)
    {
        var (status, body) = await ExchangeAsync(json);
        status.ShouldBe(HttpStatusCode.OK);
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(path, content, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return (response.StatusCode, JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone());
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
