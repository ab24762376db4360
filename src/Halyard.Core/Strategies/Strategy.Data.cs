using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Strategies;

public abstract partial class Strategy
{
    private readonly List<(SubscribeData Command, string Topic, Delegate Handler)> _subscriptions = [];

    /// <summary>Best bid/ask updates → <see cref="OnQuote"/>.</summary>
    public void SubscribeQuotes(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.Quotes, instrumentId), TopicNames.Quotes(instrumentId), _onQuote);
    public void UnsubscribeQuotes(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.Quotes, instrumentId));

    /// <summary>Trades → <see cref="OnTrade"/>.</summary>
    public void SubscribeTrades(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.Trades, instrumentId), TopicNames.Trades(instrumentId), _onTrade);
    public void UnsubscribeTrades(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.Trades, instrumentId));

    /// <summary>The maintained L2 book after each venue update → <see cref="OnBook"/>.</summary>
    public void SubscribeBook(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.Book, instrumentId), TopicNames.Book(instrumentId), _onBook);
    public void UnsubscribeBook(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.Book, instrumentId));

    /// <summary>Raw book deltas → <see cref="OnBookDeltas"/>.</summary>
    public void SubscribeBookDeltas(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.BookDeltas, instrumentId), TopicNames.BookDeltas(instrumentId), _onBookDeltas);
    public void UnsubscribeBookDeltas(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.BookDeltas, instrumentId));

    /// <summary>Bars → <see cref="OnBar"/>.</summary>
    public void SubscribeBars(BarType barType) => Subscribe(SubscribeData.Bars(barType), TopicNames.Bars(barType), _onBar);
    public void UnsubscribeBars(BarType barType) => Unsubscribe(SubscribeData.Bars(barType));

    /// <summary>Mark prices → <see cref="OnMarkPrice"/>.</summary>
    public void SubscribeMarkPrices(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.MarkPrices, instrumentId), TopicNames.MarkPrices(instrumentId), _onMarkPrice);
    public void UnsubscribeMarkPrices(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.MarkPrices, instrumentId));

    /// <summary>Funding rates → <see cref="OnFundingRate"/>.</summary>
    public void SubscribeFundingRates(InstrumentId instrumentId) => Subscribe(new SubscribeData(DataKind.FundingRates, instrumentId), TopicNames.FundingRates(instrumentId), _onFundingRate);
    public void UnsubscribeFundingRates(InstrumentId instrumentId) => Unsubscribe(new SubscribeData(DataKind.FundingRates, instrumentId));

    private void Subscribe<T>(SubscribeData command, string topic, Action<T> handler)
    {
        if (_subscriptions.Exists(s => s.Command == command)) return; // already subscribed
        Kernel.Bus.Subscribe(topic, handler);
        _subscriptions.Add((command, topic, handler));
        Kernel.Bus.Send(DataEngine.Endpoint, command);
    }

    private void Unsubscribe(SubscribeData command)
    {
        int index = _subscriptions.FindIndex(s => s.Command == command);
        if (index < 0) return;
        var (_, topic, handler) = _subscriptions[index];
        _subscriptions.RemoveAt(index);
        RemoveHandler(topic, handler);
        Kernel.Bus.Send(DataEngine.Endpoint, command.AsUnsubscribe());
    }

    private void RemoveHandler(string topic, Delegate handler)
    {
        MessageBus bus = Kernel.Bus;
        switch (handler)
        {
            case Action<QuoteTick> h: bus.Unsubscribe(topic, h); break;
            case Action<TradeTick> h: bus.Unsubscribe(topic, h); break;
            case Action<OrderBook> h: bus.Unsubscribe(topic, h); break;
            case Action<OrderBookDeltas> h: bus.Unsubscribe(topic, h); break;
            case Action<Bar> h: bus.Unsubscribe(topic, h); break;
            case Action<MarkPriceUpdate> h: bus.Unsubscribe(topic, h); break;
            case Action<FundingRateUpdate> h: bus.Unsubscribe(topic, h); break;
        }
    }

    private void UnsubscribeAll()
    {
        foreach (var (command, _, _) in _subscriptions.ToArray()) Unsubscribe(command);
    }
}
