using Halyard.Core.Data;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Node;

namespace Halyard.Benchmarks.Kernel;

/// <summary>The strategy end of the dispatch benchmark: reads the data it is handed, as a real one would.</summary>
internal sealed class BenchStrategy
{
    public long Quotes;
    public long Books;
    public long LastBidRaw;

    public BenchStrategy(TradingKernel kernel, InstrumentId id)
    {
        kernel.Bus.Subscribe<QuoteTick>(TopicNames.Quotes(id), OnQuote);
        kernel.Bus.Subscribe<OrderBook>(TopicNames.Book(id), OnBook);
    }

    private void OnQuote(QuoteTick quote)
    {
        Quotes++;
        LastBidRaw = quote.BidPrice.Raw;
    }

    private void OnBook(OrderBook book)
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
