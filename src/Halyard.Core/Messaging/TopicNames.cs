using Halyard.Core.Model;

namespace Halyard.Core.Messaging;

/// <summary>The bus's topic names, in one place so publishers and subscribers agree.</summary>
public static class TopicNames
{
    public static string Quotes(InstrumentId id) => $"data.quotes.{id}";
    public static string Trades(InstrumentId id) => $"data.trades.{id}";
    public static string BookDeltas(InstrumentId id) => $"data.book.deltas.{id}";
    /// <summary>The maintained <see cref="Data.OrderBook"/>, published after each venue update.</summary>
    public static string Book(InstrumentId id) => $"data.book.snapshots.{id}";
    public static string Bars(BarType barType) => $"data.bars.{barType}";
    public static string MarkPrices(InstrumentId id) => $"data.mark_prices.{id}";
    public static string FundingRates(InstrumentId id) => $"data.funding_rates.{id}";
    public static string Instrument(InstrumentId id) => $"data.instrument.{id}";

    /// <summary>Order events of one strategy.</summary>
    public static string OrderEvents(string strategyId) => $"events.order.{strategyId}";
    /// <summary>Position events of one strategy.</summary>
    public static string PositionEvents(string strategyId) => $"events.position.{strategyId}";
    /// <summary>Account state updates of one account.</summary>
    public static string AccountEvents(string accountId) => $"events.account.{accountId}";
}
