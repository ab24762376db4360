using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Testing;

/// <summary>
/// An in-process venue that is both a data client and an execution client, for end-to-end kernel tests.
/// Like a real client it never calls the kernel: everything it has to say is posted into the kernel inbox.
/// Market orders fill at the current quote (buy at the ask, sell at the bid, taker fee); limit orders that
/// cross on arrival fill at the quote, the rest rest until a pushed quote crosses them and then fill at
/// their limit price (maker fee). Commissions are charged in the settlement currency.
/// </summary>
public sealed partial class TestVenue : IDataClient, IExecutionClient
{
    private readonly object _gate = new(); // tests push quotes from their thread while the kernel sends commands
    private readonly KernelInbox _inbox;
    private readonly Func<long> _clock;
    private readonly Dictionary<InstrumentId, Instrument> _instruments;
    private readonly Dictionary<InstrumentId, QuoteTick> _quotes = [];
    private readonly HashSet<InstrumentId> _quoteSubscriptions = [];
    private readonly Dictionary<ClientOrderId, VenueOrder> _orders = [];
    private readonly List<FillReport> _fills = [];
    private readonly Dictionary<InstrumentId, decimal> _positions = [];
    private long _nextOrderId;
    private long _nextTradeId;

    public TestVenue(KernelInbox inbox, Func<long> clock, IEnumerable<Instrument> instruments, string venue = "HYPERLIQUID", decimal startingBalance = 10_000m)
    {
        _inbox = inbox;
        _clock = clock;
        Venue = new Venue(venue);
        _instruments = instruments.ToDictionary(i => i.Id);
        AccountId = AccountId.For(Venue, "TEST");
        StartingBalance = startingBalance;
    }

    public string ClientId => $"{Venue}-TEST";
    public Venue Venue { get; }
    public AccountId AccountId { get; }
    public decimal StartingBalance { get; }
    public bool IsConnected { get; private set; }
    /// <summary>Every call the kernel made, in order (e.g. "submit O-…", "+quotes BTC-USD-PERP.HYPERLIQUID").</summary>
    public List<string> Calls { get; } = [];
    /// <summary>When set, Connect waits this long (to test connect timeouts).</summary>
    public TimeSpan ConnectDelay { get; set; }
    /// <summary>When false, cancels are acknowledged only by <see cref="AcknowledgeCancels"/> (to test stop timeouts).</summary>
    public bool AutoAcknowledgeCancels { get; set; } = true;
    /// <summary>When true, order events are lost on the way to the kernel (a dropped connection); the venue's state still changes.</summary>
    public bool DropOrderEvents { get; set; }

    public async Task ConnectAsync(CancellationToken ct)
    {
        if (ConnectDelay > TimeSpan.Zero) await Task.Delay(ConnectDelay, ct);
        lock (_gate)
        {
            Record("connect");
            if (IsConnected) return;
            IsConnected = true;
            foreach (Instrument instrument in _instruments.Values) _inbox.Post(instrument);
            Currency usdc = Currency.Usdc;
            _inbox.Post(new AccountState(AccountId, AccountType.Margin, usdc,
                [AccountBalance.FromTotal(new Money(StartingBalance, usdc), Money.Zero(usdc))], [], IsReported: true, Guid.NewGuid(), _clock(), _clock()));
        }
    }

    public Task DisconnectAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            Record("disconnect");
            IsConnected = false;
        }
        return Task.CompletedTask;
    }

    /// <summary>A new best bid/ask: posted to the kernel if subscribed, then resting orders it crosses are filled.</summary>
    public void PushQuote(InstrumentId id, string bid, string ask, string size = "10")
    {
        lock (_gate)
        {
            Instrument instrument = _instruments[id];
            long now = _clock();
            var quote = new QuoteTick(id, Price.Parse(bid, instrument.PricePrecision), Price.Parse(ask, instrument.PricePrecision),
                Quantity.Parse(size, instrument.SizePrecision), Quantity.Parse(size, instrument.SizePrecision), now, now);
            _quotes[id] = quote;
            if (_quoteSubscriptions.Contains(id)) _inbox.Post(quote);
            FireTriggers(id, quote);
            foreach (VenueOrder order in _orders.Values.Where(o => o.IsResting && o.InstrumentId == id).OrderBy(o => o.Sequence).ToList())
                if (Crosses(order, quote)) Fill(order, order.Price!.Value, LiquiditySide.Maker);
        }
    }

    /// <summary>The venue's own net position (signed), what a position report would say.</summary>
    public decimal NetPosition(InstrumentId id)
    {
        lock (_gate) return _positions.GetValueOrDefault(id);
    }

    public IReadOnlyList<string> RestingOrders()
    {
        lock (_gate) return [.. _orders.Values.Where(o => o.IsResting).OrderBy(o => o.Sequence).Select(o => $"{o.Side} {o.Quantity - o.Filled} @ {o.Price}")];
    }

    private void Record(string call) => Calls.Add(call);

    // ── data client ─────────────────────────────────────────────
    public void SubscribeQuotes(InstrumentId id) { lock (_gate) { Record($"+quotes {id}"); _quoteSubscriptions.Add(id); } }
    public void UnsubscribeQuotes(InstrumentId id) { lock (_gate) { Record($"-quotes {id}"); _quoteSubscriptions.Remove(id); } }
    public void SubscribeTrades(InstrumentId id) { lock (_gate) Record($"+trades {id}"); }
    public void UnsubscribeTrades(InstrumentId id) { lock (_gate) Record($"-trades {id}"); }
    public void SubscribeBookDeltas(InstrumentId id) { lock (_gate) Record($"+book {id}"); }
    public void UnsubscribeBookDeltas(InstrumentId id) { lock (_gate) Record($"-book {id}"); }
    public void SubscribeBars(BarType barType) { lock (_gate) Record($"+bars {barType}"); }
    public void UnsubscribeBars(BarType barType) { lock (_gate) Record($"-bars {barType}"); }
    public void SubscribeMarkPrices(InstrumentId id) { lock (_gate) Record($"+mark {id}"); }
    public void UnsubscribeMarkPrices(InstrumentId id) { lock (_gate) Record($"-mark {id}"); }
    public void SubscribeFundingRates(InstrumentId id) { lock (_gate) Record($"+funding {id}"); }
    public void UnsubscribeFundingRates(InstrumentId id) { lock (_gate) Record($"-funding {id}"); }
}
