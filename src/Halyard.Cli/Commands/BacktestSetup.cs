using System.Globalization;
using Halyard.Core.Backtest;
using Halyard.Core.Data;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Persistence.Catalog;
using Halyard.Samples;

namespace Halyard.Cli.Commands;

/// <summary>
/// Turns the command's options into a <see cref="BacktestConfig"/> over the catalog, or a message that says
/// what is missing and what the catalog holds. Instruments are defined from the data itself (its precisions)
/// with the venue's standard fees, minimum order value and leverage.
/// </summary>
internal static class BacktestSetup
{
    public static bool TryPrepare(BacktestRequest request, out BacktestConfig? config, out string? problem)
    {
        config = null;
        problem = null;
        if (!request.Catalog.Exists)
        {
            problem = $"no catalog at '{request.Catalog.FullName}'";
            return false;
        }
        var catalog = new ParquetDataCatalog(request.Catalog.FullName, new CatalogOptions { SyncOnWrite = false });
        List<CatalogEntry> priced = [.. catalog.List().Where(e => e.Kind is MarketDataKind.QuoteTick or MarketDataKind.TradeTick && e.Rows > 0)];
        if (priced.Count == 0)
        {
            problem = $"the catalog at '{request.Catalog.FullName}' holds no quotes or trades";
            return false;
        }
        if (!SampleStrategies.Names.Contains(request.Strategy, StringComparer.OrdinalIgnoreCase))
        {
            problem = $"unknown strategy '{request.Strategy}'; available: {string.Join(", ", SampleStrategies.Names)}";
            return false;
        }
        if (!TryTime(request.From, "--from", 0, out long startNs, out problem) || !TryTime(request.To, "--to", long.MaxValue, out long endNs, out problem))
            return false;
        if (endNs < startNs)
        {
            problem = $"--to ({request.To}) is before --from ({request.From})";
            return false;
        }

        var ids = new List<InstrumentId>();
        foreach (string text in request.Instruments.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!InstrumentId.TryParse(text, out InstrumentId? id, out string? parseError))
            {
                problem = $"--instruments: '{text}' is not an instrument id ({parseError})";
                return false;
            }
            if (!priced.Any(e => e.Key == id.ToString()))
            {
                problem = $"instrument {id} is not in the catalog; it holds: {Holdings(priced)}";
                return false;
            }
            ids.Add(id);
        }
        if (ids.Count == 0) ids = [.. priced.Select(e => e.Key).Distinct().Order(StringComparer.Ordinal).Select(k => InstrumentId.Parse(k))];

        var instruments = new List<CryptoPerpetual>();
        var strategies = new List<Strategy>();
        foreach (InstrumentId id in ids)
        {
            List<CatalogEntry> mine = [.. priced.Where(e => e.Key == id.ToString())];
            if (!mine.Any(e => e.StartNs <= endNs && e.EndNs >= startNs) || FirstPrice(catalog, id, startNs, endNs) is not { } first)
            {
                problem = $"no data between {BacktestCommand.Iso(startNs)} and {BacktestCommand.Iso(endNs)} for {id}; the catalog holds: {Holdings(mine)}";
                return false;
            }
            CryptoPerpetual instrument = Define(id, first.Price.Precision, first.SizePrecision);
            instruments.Add(instrument);
            SampleStrategies.TryCreate(request.Strategy, instrument, first.Price.ToDecimal(), out Strategy? strategy);
            strategies.Add(strategy!);
        }

        // An open end takes the catalog's own range, so progress and results show real times.
        List<CatalogEntry> selected = [.. priced.Where(e => ids.Any(id => id.ToString() == e.Key))];
        if (string.IsNullOrWhiteSpace(request.From)) startNs = selected.Min(e => e.StartNs);
        if (string.IsNullOrWhiteSpace(request.To)) endNs = selected.Max(e => e.EndNs);
        List<MarketDataKind> kinds = [MarketDataKind.QuoteTick];
        if (request.WithTrades || !priced.Any(e => e.Kind == MarketDataKind.QuoteTick)) kinds.Add(MarketDataKind.TradeTick);
        config = new BacktestConfig
        {
            Source = catalog,
            Instruments = instruments,
            StartNs = startNs,
            EndNs = endNs,
            DataKinds = kinds,
            StartingBalance = request.StartingBalance,
            Strategies = strategies,
        };
        if (config.Error() is { } invalid)
        {
            problem = invalid.Message;
            config = null;
            return false;
        }
        return true;
    }

    private static string Holdings(IEnumerable<CatalogEntry> entries) => string.Join("; ", entries
        .OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Kind)
        .Select(e => $"{CatalogLayout.FolderOf(e.Kind)} {e.Key} {BacktestCommand.Iso(e.StartNs)} → {BacktestCommand.Iso(e.EndNs)} ({e.Rows:N0} rows)"));

    private static bool TryTime(string? text, string option, long fallback, out long ns, out string? problem)
    {
        problem = null;
        ns = fallback;
        return string.IsNullOrWhiteSpace(text) || UtcTimeText.TryParse(text, option, out ns, out problem);
    }

    /// <summary>The first quote (else trade) in range: its precisions define the instrument, its price sizes the sample's orders.</summary>
    private static (Price Price, byte SizePrecision)? FirstPrice(ParquetDataCatalog catalog, InstrumentId id, long startNs, long endNs)
    {
        using IMarketDataReader reader = catalog.Open(new MarketDataQuery([MarketDataKind.QuoteTick, MarketDataKind.TradeTick], [id], startNs, endNs));
        if (!reader.MoveNext()) return null;
        return reader.Kind == MarketDataKind.QuoteTick
            ? (reader.Quote.AskPrice, reader.Quote.AskSize.Precision)
            : (reader.Trade.Price, reader.Trade.Size.Precision);
    }

    /// <summary>A perpetual with the recorded precisions and the venue's base-tier fees (maker 0.015 %, taker 0.045 %), $10 minimum, 20× leverage.</summary>
    private static CryptoPerpetual Define(InstrumentId id, byte pricePrecision, byte sizePrecision)
    {
        string coin = id.Symbol.Split('-')[0];
        return new CryptoPerpetual
        {
            Id = id,
            RawSymbol = coin,
            BaseCurrency = new Currency(coin, sizePrecision),
            QuoteCurrency = Currency.Usd,
            SettlementCurrency = Currency.Usdc,
            PricePrecision = pricePrecision,
            SizePrecision = sizePrecision,
            PriceIncrement = Price.FromRaw(FixedPoint.ScaleFactor / Pow10(pricePrecision), pricePrecision),
            SizeIncrement = Quantity.FromRaw(FixedPoint.ScaleFactor / Pow10(sizePrecision), sizePrecision),
            MaxSignificantFigures = 5,
            MakerFee = 0.00015m,
            TakerFee = 0.00045m,
            MinNotional = 10m,
            MaxLeverage = 20,
            MarginInit = 0.05m,
        };
    }

    private static long Pow10(int n)
    {
        long value = 1;
        for (int i = 0; i < n; i++) value *= 10;
        return value;
    }
}
