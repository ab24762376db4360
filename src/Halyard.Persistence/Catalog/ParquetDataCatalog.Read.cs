using Halyard.Core.Data;
using Halyard.Persistence.Catalog.Codecs;
using Microsoft.Extensions.Logging;

namespace Halyard.Persistence.Catalog;

public sealed partial class ParquetDataCatalog
{
    IMarketDataReader IMarketDataSource.Open(MarketDataQuery query) => Open(query);

    /// <summary>
    /// Opens a streaming, ts_init-ordered reader. Every selected file's footer is checked first: a bad
    /// file is skipped and reported, or refused, as <see cref="CatalogOptions.BadFiles"/> says; a file of
    /// a newer schema version is always refused.
    /// </summary>
    /// <exception cref="CatalogFormatException">A bad file under <see cref="BadFilePolicy.Refuse"/>, or a newer schema.</exception>
    public CatalogReader Open(MarketDataQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var problems = new List<CatalogFileProblem>();
        var streams = new List<StreamCursor>();
        try
        {
            foreach (MarketDataKind kind in query.Kinds.Distinct())
            {
                IReadOnlyList<CatalogFile> files = Files(kind, key => MatchesInstrument(kind, key, query.Instruments, query.BarTypes));
                foreach (IGrouping<string, CatalogFile> stream in files.Where(f => f.Overlaps(query.StartNs, query.EndNs)).GroupBy(f => f.Key))
                {
                    List<CatalogFile> readable = Check(kind, stream, problems);
                    if (readable.Count > 0) streams.Add(CreateCursor(kind, readable, query, streams.Count, problems));
                }
            }
        }
        catch
        {
            foreach (StreamCursor stream in streams) stream.Dispose();
            throw;
        }
        return new CatalogReader([.. streams], problems);
    }

    private List<CatalogFile> Check(MarketDataKind kind, IEnumerable<CatalogFile> files, List<CatalogFileProblem> problems)
    {
        var readable = new List<CatalogFile>();
        CatalogFile? previous = null;
        foreach (CatalogFile file in files)
        {
            try
            {
                CountRows(kind, file.Path);
                if (previous is not null && previous.Overlaps(file.StartNs, file.EndNs))
                    throw new CatalogFormatException(file.Path, $"its interval overlaps '{previous.Path}'");
                readable.Add(file);
                previous = file;
            }
            catch (CatalogFormatException e) when (Options.BadFiles == BadFilePolicy.Skip && !e.IsNewerSchema)
            {
                _logger.LogWarning("Skipping catalog file {Path}: {Reason}", e.Path, e.Reason);
                problems.Add(new CatalogFileProblem(e.Path, e.Reason));
            }
        }
        return readable;
    }

    private StreamCursor CreateCursor(MarketDataKind kind, List<CatalogFile> files, MarketDataQuery query, int order, List<CatalogFileProblem> problems)
    {
        void Report(CatalogFileProblem problem)
        {
            _logger.LogWarning("Skipping the rest of catalog file {Path}: {Reason}", problem.Path, problem.Reason);
            problems.Add(problem);
        }
        int size = Options.RowGroupSize;
        return kind switch
        {
            MarketDataKind.QuoteTick => new StreamCursor<Core.Model.QuoteTick>(QuoteTickCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.TradeTick => new StreamCursor<Core.Model.TradeTick>(TradeTickCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.OrderBookDelta => new StreamCursor<Core.Model.OrderBookDelta>(OrderBookDeltaCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.Bar => new StreamCursor<Core.Model.Bar>(BarCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.MarkPriceUpdate => new StreamCursor<Core.Model.MarkPriceUpdate>(MarkPriceUpdateCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.FundingRateUpdate => new StreamCursor<Core.Model.FundingRateUpdate>(FundingRateUpdateCodec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            MarketDataKind.OrderBookDepth10 => new StreamCursor<Core.Model.OrderBookDepth10>(OrderBookDepth10Codec.Instance, files, query.StartNs, query.EndNs, size, Options.BadFiles, Report) { Order = order, Instruments = query.Instruments },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
