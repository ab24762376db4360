using System.Collections.Concurrent;
using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.IntegrationTests.Live;

/// <summary>A strategy the test drives through the kernel thread; it records every order event it receives.</summary>
internal sealed class RecordingStrategy(string id = "LIVE-001") : Strategy(id)
{
    private readonly ConcurrentQueue<IOrderEvent> _events = new();

    public IReadOnlyList<IOrderEvent> Events => _events.ToArray();

    public OrderFactory Orders => OrderFactory;

    protected override void OnOrderEvent(IOrderEvent e) => _events.Enqueue(e);

    public IReadOnlyList<T> EventsOf<T>(ClientOrderId id) where T : IOrderEvent =>
        _events.OfType<T>().Where(e => e.ClientOrderId == id).ToList();
}
