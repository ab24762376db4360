using Halyard.Core.Data;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Data;

/// <summary>A data client that only records the calls the engine makes, to check routing.</summary>
internal sealed class RecordingDataClient(string venue) : IDataClient
{
    public List<string> Calls { get; } = [];
    public string ClientId => $"{venue}-DATA";
    public Venue Venue { get; } = new(venue);
    public bool IsConnected { get; private set; }

    public Task ConnectAsync(CancellationToken ct) { IsConnected = true; Calls.Add("connect"); return Task.CompletedTask; }
    public Task DisconnectAsync(CancellationToken ct) { IsConnected = false; Calls.Add("disconnect"); return Task.CompletedTask; }
    public void SubscribeQuotes(InstrumentId id) => Calls.Add($"+quotes {id}");
    public void UnsubscribeQuotes(InstrumentId id) => Calls.Add($"-quotes {id}");
    public void SubscribeTrades(InstrumentId id) => Calls.Add($"+trades {id}");
    public void UnsubscribeTrades(InstrumentId id) => Calls.Add($"-trades {id}");
    public void SubscribeBookDeltas(InstrumentId id) => Calls.Add($"+book {id}");
    public void UnsubscribeBookDeltas(InstrumentId id) => Calls.Add($"-book {id}");
    public void SubscribeBars(BarType barType) => Calls.Add($"+bars {barType}");
    public void UnsubscribeBars(BarType barType) => Calls.Add($"-bars {barType}");
    public void SubscribeMarkPrices(InstrumentId id) => Calls.Add($"+mark {id}");
    public void UnsubscribeMarkPrices(InstrumentId id) => Calls.Add($"-mark {id}");
    public void SubscribeFundingRates(InstrumentId id) => Calls.Add($"+funding {id}");
    public void UnsubscribeFundingRates(InstrumentId id) => Calls.Add($"-funding {id}");
}
