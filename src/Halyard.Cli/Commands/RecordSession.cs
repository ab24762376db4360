using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;
using Halyard.Persistence.Catalog;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Commands;

/// <summary>
/// A node that only records: one data client, a <see cref="RecordingStrategy"/> subscribing through the data engine,
/// and a <see cref="DataRecorder"/> writing in the background. It needs nothing of the venue but an
/// <see cref="IDataClient"/>. <see cref="StopAsync"/> disconnects, ends the kernel, then writes everything buffered.
/// </summary>
internal sealed class RecordSession : IAsyncDisposable
{
    private bool _stopped;

    private RecordSession(TradingNode node, DataRecorder recorder, IDataClient client)
    {
        Node = node;
        Recorder = recorder;
        Client = client;
    }

    public TradingNode Node { get; }
    public DataRecorder Recorder { get; }
    public IDataClient Client { get; }

    /// <summary>Builds and starts the node; the data client comes from <paramref name="createClient"/> (given the node's inbox and clock).</summary>
    public static async Task<RecordSession> StartAsync(ParquetDataCatalog catalog, RecorderOptions recorderOptions, IReadOnlyList<InstrumentId> instruments,
        RecordedData data, IReadOnlyList<BarSpecification> bars, Func<KernelInbox, IClock, IDataClient> createClient, ILoggerFactory loggerFactory,
        CancellationToken ct)
    {
        var node = new TradingNode(new TradingNodeConfig
        {
            TraderId = "RECORDER-001",
            ReconcileOnStart = false,
            CancelOrdersOnStop = false,
        }, loggerFactory);
        var recorder = new DataRecorder(catalog, recorderOptions, loggerFactory.CreateLogger<DataRecorder>());
        IDataClient client = createClient(node.Inbox, node.Clock);
        node.AddDataClient(client);
        node.AddStrategy(new RecordingStrategy(recorder, instruments, data, bars));
        var session = new RecordSession(node, recorder, client);
        try
        {
            await node.StartAsync(ct).ConfigureAwait(false);
            // The client posted the venue's instruments before connecting; one it does not list would record nothing.
            string? unknown = null;
            await node.Kernel.InvokeAsync(() =>
            {
                List<InstrumentId> missing = [.. instruments.Where(id => node.Cache.Instrument(id) is null)];
                if (missing.Count > 0)
                    unknown = $"the venue lists no instrument {string.Join(", ", missing)}; it has " +
                              string.Join(", ", node.Cache.Instruments().Select(i => i.Id.Symbol).Order(StringComparer.Ordinal).Take(20));
            }).ConfigureAwait(false);
            if (unknown is not null) throw new InvalidOperationException(unknown);
        }
        catch
        {
            await session.StopAsync().ConfigureAwait(false);
            throw;
        }
        return session;
    }

    /// <summary>Unsubscribes and disconnects, then writes every buffered row (as whole files).</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        try
        {
            await Node.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await Recorder.DisposeAsync().ConfigureAwait(false);
            if (Client is IAsyncDisposable disposable) await disposable.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
