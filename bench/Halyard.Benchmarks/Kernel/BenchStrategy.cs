using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;

namespace Halyard.Benchmarks.Kernel;

/// <summary>The strategy end of the dispatch benchmark: a real <see cref="Strategy"/> reading what it is handed.</summary>
internal sealed class BenchStrategy(InstrumentId instrumentId) : Strategy("Bench-001")
{
    public long Quotes;
    public long Books;
    public long LastBidRaw;

    protected override void OnStart()
    {
        SubscribeQuotes(instrumentId);
        SubscribeBook(instrumentId);
    }

    protected override void OnQuote(QuoteTick quote)
    {
        Quotes++;
        LastBidRaw = quote.BidPrice.Raw;
    }

    protected override void OnBook(OrderBook book)
    {
        Books++;
        LastBidRaw = book.BestBidPrice?.Raw ?? 0;
    }

    public static CryptoPerpetual Instrument(InstrumentId id) => new()
    {
        Id = id,
        RawSymbol = "BTC",
        BaseCurrency = new Currency("BTC", 5),
        QuoteCurrency = Currency.Usd,
        SettlementCurrency = Currency.Usdc,
        PricePrecision = 0,
        SizePrecision = 5,
        PriceIncrement = Price.FromRaw(1_000_000_000, 0),
        SizeIncrement = Quantity.FromRaw(10_000, 5),
        MaxSignificantFigures = 5,
        MaxLeverage = 40,
        MinNotional = 10m,
    };
}
