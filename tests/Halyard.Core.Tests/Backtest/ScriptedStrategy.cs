using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Core.Tests.Backtest;

/// <summary>A strategy that does what the test says at given times (through time alerts) and records what it hears.</summary>
internal sealed class ScriptedStrategy(InstrumentId instrument, params (long AtNs, Action<ScriptedStrategy> Act)[] script) : Strategy("SCRIPTED-001")
{
    public InstrumentId Instrument { get; } = instrument;
    public List<IOrderEvent> Events { get; } = [];
    public List<(string Name, long ClockNs)> Alerts { get; } = [];
    public List<long> QuoteTimes { get; } = [];
    public Order? Last { get; private set; }

    public OrderFactory Orders => OrderFactory;

    public void Submit(Order order)
    {
        Last = order;
        SubmitOrder(order);
    }

    protected override void OnStart()
    {
        SubscribeQuotes(Instrument);
        SubscribeTrades(Instrument);
        for (int i = 0; i < script.Length; i++)
        {
            var (at, act) = script[i];
            Clock.SetTimeAlert($"step-{i}", at, e =>
            {
                Alerts.Add((e.Name, Clock.UtcNowNs));
                act(this);
            });
        }
    }

    protected override void OnQuote(QuoteTick quote) => QuoteTimes.Add(Clock.UtcNowNs);

    protected override void OnOrderEvent(IOrderEvent orderEvent) => Events.Add(orderEvent);
}
