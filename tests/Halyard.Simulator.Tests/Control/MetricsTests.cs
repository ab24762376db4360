using System.Diagnostics.Metrics;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Control;

/// <summary>The Halyard.Simulator meter publishes orders, messages and connected clients.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task The_meter_counts_orders_and_messages_and_observes_connected_clients()
    {
        long orders = 0, messages = 0, clients = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Halyard.Simulator") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "halyard.simulator.orders") Interlocked.Add(ref orders, value);
            if (instrument.Name == "halyard.simulator.messages") Interlocked.Add(ref messages, value);
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "halyard.simulator.connected_clients") Interlocked.Exchange(ref clients, Math.Max(clients, value));
        });
        listener.Start();

        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        await using var ws = await TestSocket.ConnectAsync(sim.Host);
        await ws.SendAsync("{\"method\":\"ping\"}");
        await ws.NextAsync("pong");
        listener.RecordObservableInstruments();

        Interlocked.Read(ref orders).ShouldBeGreaterThanOrEqualTo(1);
        Interlocked.Read(ref messages).ShouldBeGreaterThanOrEqualTo(1);
        Interlocked.Read(ref clients).ShouldBeGreaterThanOrEqualTo(1);
    }
}
