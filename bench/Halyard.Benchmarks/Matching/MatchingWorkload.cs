using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Benchmarks.Matching;

/// <summary>
/// A stationary mixed order flow against one coin: passive GTC adds within 20 ticks of the mid,
/// cancels of the oldest live order, and IOC takers that cross one to three orders. The live order
/// count is held between bounds so millions of operations see the same book shape. Deterministic.
/// </summary>
internal sealed class MatchingWorkload
{
    public const string Coin = "ETH";
    private const int Accounts = 32;
    private const int MinLive = 500;
    private const int MaxLive = 3000;
    private const long Tick = 100_000_000;             // 0.1: the valid step at 2000 (5 significant figures)
    private const long Mid = 2_000_000_000_000;        // 2000.00
    private const long Lot = 10_000_000;               // 0.01 ETH

    private readonly MatchingEngine _engine;
    private readonly string[] _accounts = new string[Accounts];
    private readonly long[] _live = new long[1 << 14]; // FIFO ring of oids that rested
    private int _liveHead;
    private int _liveTail;
    private uint _rng = 2463534242;
    private long _now = 1_700_000_000_000_000_000;

    public long Adds, Cancels, Crosses, Fills;

    public MatchingWorkload()
    {
        var sink = new CountingSink(this);
        _engine = new MatchingEngine(sink);
        _engine.AddInstrument(Instrument());
        for (int i = 0; i < Accounts; i++)
        {
            _accounts[i] = $"0x{i:x40}";
            _engine.Ledger.Deposit(_accounts[i], 1_000_000_000_000m);
        }
        while (LiveCount < (MinLive + MaxLive) / 2) Add(); // a book to start from
    }

    public MatchingEngine Engine => _engine;

    private int LiveCount => _engine.LiveOrderCount;

    /// <summary>One operation: about 50 % adds, 35 % cancels, 15 % crossing IOCs.</summary>
    public void Step()
    {
        uint roll = Next() % 100;
        int live = LiveCount;
        if (roll < 15) Cross();
        else if ((roll < 65 && live < MaxLive) || live < MinLive) Add();
        else Cancel();
    }

    public void Add()
    {
        uint r = Next();
        bool buy = (r & 1) == 0;
        long px = buy ? Mid - Tick * (1 + (r >> 1) % 20) : Mid + Tick * (1 + (r >> 1) % 20);
        long sz = Lot * (1 + (r >> 8) % 10);
        var order = new MatchingOrder(_accounts[(r >> 16) % Accounts], Coin, buy ? OrderSide.Buy : OrderSide.Sell, px, sz);
        PlaceResult result = _engine.Place(in order, _now += 1000);
        if (result.IsError) throw new InvalidOperationException($"workload order rejected: {result.Error}");
        if (result.Outcome == PlaceOutcome.Resting) _live[_liveTail++ & (_live.Length - 1)] = result.Oid;
        Adds++;
    }

    public void Cancel()
    {
        while (_liveTail - _liveHead > 0)
        {
            long oid = _live[_liveHead++ & (_live.Length - 1)];
            if (!_engine.TryGetOrder(oid, out OpenOrder order)) continue; // filled meanwhile
            _engine.Cancel(order.Account, Coin, oid, _now += 1000);
            Cancels++;
            return;
        }
    }

    public void Cross()
    {
        uint r = Next();
        bool buy = (r & 1) == 0;
        long px = buy ? Mid + Tick * 20 : Mid - Tick * 20;
        long sz = Lot * (1 + (r >> 1) % 25);
        var order = new MatchingOrder(_accounts[(r >> 16) % Accounts], Coin, buy ? OrderSide.Buy : OrderSide.Sell, px, sz, MatchingTif.Ioc);
        _engine.Place(in order, _now += 1000);
        Crosses++;
    }

    private uint Next()
    {
        uint x = _rng; // xorshift32: cheap and deterministic
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return _rng = x;
    }

    public static CryptoPerpetual Instrument() => new()
    {
        Id = InstrumentId.Perpetual(Coin),
        RawSymbol = Coin,
        BaseCurrency = new Currency(Coin, 4),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = 2,
        SizePrecision = 4,
        PriceIncrement = Price.FromRaw(10_000_000, 2),
        SizeIncrement = Quantity.FromRaw(100_000, 4),
        MaxSignificantFigures = 5,
        MaxLeverage = 25,
        MinNotional = 10m,
        MakerFee = 0.00015m,
        TakerFee = 0.00045m,
    };

    private sealed class CountingSink(MatchingWorkload owner) : IMatchingEventSink
    {
        public void OnOrderUpdate(in OrderUpdate update) { }
        public void OnFill(in Fill fill) => owner.Fills++;
        public void OnFunding(in FundingPayment payment) { }
        public void OnLiquidation(in Liquidation liquidation) { }
    }
}
