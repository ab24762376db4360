using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Matching;

/// <summary>An engine with an ETH-like perp (4 size decimals, 2 price decimals, 5 significant figures) and funded accounts.</summary>
internal sealed class MatchingFixture
{
    public const string Coin = "ETH";
    public const string Alice = "0xalice";
    public const string Bob = "0xbob";
    public const string Carol = "0xcarol";

    public MatchingEventLog Log { get; } = new();
    public MatchingEngine Engine { get; }
    public long Now = 1_700_000_000_000_000_000;

    public MatchingFixture(decimal makerFee = 0.0002m, decimal takerFee = 0.0005m, MatchingOptions? options = null,
        decimal deposit = 1_000_000m, int maxLeverage = 25)
    {
        Engine = new MatchingEngine(Log, options);
        Engine.AddInstrument(Perp(Coin, 4, makerFee, takerFee, maxLeverage));
        foreach (string account in new[] { Alice, Bob, Carol }) Engine.Ledger.Deposit(account, deposit);
    }

    public static CryptoPerpetual Perp(string coin, byte szDecimals, decimal makerFee, decimal takerFee, int maxLeverage) => new()
    {
        Id = InstrumentId.Perpetual(coin),
        RawSymbol = coin,
        BaseCurrency = new Currency(coin, szDecimals),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = (byte)(6 - szDecimals),
        SizePrecision = szDecimals,
        PriceIncrement = Price.FromRaw(FixedPoint.Pow10[FixedPoint.Scale - (6 - szDecimals)], (byte)(6 - szDecimals)),
        SizeIncrement = Quantity.FromRaw(FixedPoint.Pow10[FixedPoint.Scale - szDecimals], szDecimals),
        MaxSignificantFigures = 5,
        MaxLeverage = maxLeverage,
        MinNotional = 10m,
        MakerFee = makerFee,
        TakerFee = takerFee,
    };

    public static long Raw(decimal value) => FixedPoint.TryFromDecimal(value, out long raw) ? raw : throw new ArgumentException($"{value}");

    public long Tick() => Now += 1_000_000;

    public PlaceResult Buy(string account, decimal px, decimal sz, MatchingTif tif = MatchingTif.Gtc, bool reduceOnly = false, string? cloid = null) =>
        Engine.Place(new MatchingOrder(account, Coin, OrderSide.Buy, Raw(px), Raw(sz), tif, reduceOnly, cloid), Tick());

    public PlaceResult Sell(string account, decimal px, decimal sz, MatchingTif tif = MatchingTif.Gtc, bool reduceOnly = false, string? cloid = null) =>
        Engine.Place(new MatchingOrder(account, Coin, OrderSide.Sell, Raw(px), Raw(sz), tif, reduceOnly, cloid), Tick());

    public PlaceResult Trigger(string account, OrderSide side, decimal px, decimal sz, decimal triggerPx, TpSl kind, bool isMarket, bool reduceOnly = true) =>
        Engine.Place(new MatchingOrder(account, Coin, side, Raw(px), Raw(sz), MatchingTif.Gtc, reduceOnly, null,
            new OrderTrigger(Raw(triggerPx), isMarket, kind)), Tick());

    public IReadOnlyList<TriggeredOrder> Mark(decimal px) => Engine.SetMarkPrice(Coin, Raw(px), Tick());

    public decimal Szi(string account) => FixedPoint.ToDecimal(Engine.Ledger.PositionSziRaw(account, Coin));

    public MatchingBookLevel[] Levels(OrderSide side, int depth = 20)
    {
        var buffer = new MatchingBookLevel[depth];
        int n = Engine.GetBook(Coin).CopyLevels(side, buffer);
        return buffer[..n];
    }

    public static decimal D(long raw) => FixedPoint.ToDecimal(raw);
}
