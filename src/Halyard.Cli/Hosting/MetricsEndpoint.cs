using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Hosting;

/// <summary>Serves a <see cref="PrometheusCollector"/> as GET /metrics on 127.0.0.1 (port 0 picks a free one).</summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The scrape URL, e.g. http://127.0.0.1:9464/metrics.</summary>
    public string Url { get; }

    public static async Task<MetricsEndpoint> StartAsync(PrometheusCollector collector, int port, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collector);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, port);
        });
        WebApplication app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(collector.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"the metrics endpoint cannot listen on 127.0.0.1:{port}: {ex.Message}", ex);
        }
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsEndpoint(app, bound.TrimEnd('/') + "/metrics");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
