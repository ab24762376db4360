using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>
/// A venue's market data feed. Subscribe/unsubscribe calls come from the kernel thread and must return
/// at once; the client does its I/O on its own and posts what arrives (quotes, trades, book deltas,
/// bars, mark prices, funding rates, instruments) into the <see cref="Messaging.KernelInbox"/> it was built with.
/// </summary>
public interface IDataClient
{
    /// <summary>Unique name of this client (e.g. "HYPERLIQUID-DATA").</summary>
    string ClientId { get; }
    Venue Venue { get; }
    bool IsConnected { get; }

    /// <summary>Connects and posts the venue's instruments before returning.</summary>
    Task ConnectAsync(CancellationToken ct);
    Task DisconnectAsync(CancellationToken ct);

    void SubscribeQuotes(InstrumentId instrumentId);
    void UnsubscribeQuotes(InstrumentId instrumentId);
    void SubscribeTrades(InstrumentId instrumentId);
    void UnsubscribeTrades(InstrumentId instrumentId);
    /// <summary>Book deltas, starting with a snapshot (a Clear then the levels).</summary>
    void SubscribeBookDeltas(InstrumentId instrumentId);
    void UnsubscribeBookDeltas(InstrumentId instrumentId);
    void SubscribeBars(BarType barType);
    void UnsubscribeBars(BarType barType);
    void SubscribeMarkPrices(InstrumentId instrumentId);
    void UnsubscribeMarkPrices(InstrumentId instrumentId);
    void SubscribeFundingRates(InstrumentId instrumentId);
    void UnsubscribeFundingRates(InstrumentId instrumentId);
}
