using System.Globalization;
using Halyard.Core.Data;
using Halyard.Core.Model;
using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>
/// funding_rate_update as NautilusTrader writes it: instrument_id and rate (exact decimal text) as strings,
/// interval and next_funding_ns nullable uint64, ts_event, ts_init; metadata <c>type</c> and <c>instrument_id</c>.
/// </summary>
internal sealed class FundingRateUpdateCodec : CatalogCodec<FundingRateUpdate>
{
    public static readonly FundingRateUpdateCodec Instance = new();

    private static readonly ColumnSpec[] Schema =
    [
        new("instrument_id", ColumnType.Utf8),
        new("rate", ColumnType.Utf8),
        new("interval", ColumnType.OptionalUInt64),
        new("next_funding_ns", ColumnType.OptionalUInt64),
        new("ts_event", ColumnType.UInt64, Delta: true),
        new("ts_init", ColumnType.UInt64, Delta: true),
    ];

    public override MarketDataKind Kind => MarketDataKind.FundingRateUpdate;
    public override IReadOnlyList<ColumnSpec> Columns => Schema;
    public override string KeyOf(in FundingRateUpdate item) => item.InstrumentId.ToString();
    public override long TsInitOf(in FundingRateUpdate item) => item.TsInit;

    public override Dictionary<string, string> Metadata(ReadOnlySpan<FundingRateUpdate> rows) => new()
    {
        [CatalogMetadata.Type] = "FundingRateUpdate",
        [CatalogMetadata.InstrumentId] = rows[0].InstrumentId.ToString(),
    };

    public override void WriteRowGroup(RowGroupWriter rowGroup, ReadOnlySpan<FundingRateUpdate> rows, ColumnBuffers buffers)
    {
        int n = rows.Length;
        string[] text = buffers.Strings;
        for (int i = 0; i < n; i++) text[i] = rows[i].InstrumentId.ToString();
        ParquetColumns.WriteStrings(rowGroup, text, n);
        for (int i = 0; i < n; i++) text[i] = rows[i].Rate.ToString(CultureInfo.InvariantCulture);
        ParquetColumns.WriteStrings(rowGroup, text, n);
        var optional = new ulong?[n];
        ParquetColumns.WriteOptionalUInt64(rowGroup, optional, n); // Hyperliquid's interval is fixed; not carried by the model
        for (int i = 0; i < n; i++) optional[i] = rows[i].NextFundingNs is { } next ? (ulong)next : null;
        ParquetColumns.WriteOptionalUInt64(rowGroup, optional, n);
        Span<long> values = buffers.LongSpan(0, n);
        for (int i = 0; i < n; i++) values[i] = rows[i].TsEvent;
        ParquetColumns.WriteInt64(rowGroup, values);
        for (int i = 0; i < n; i++) values[i] = rows[i].TsInit;
        ParquetColumns.WriteInt64(rowGroup, values);
    }

    public override void ReadMetadata(IReadOnlyDictionary<string, string> metadata, FileContext context) =>
        context.Instrument = CatalogMetadata.RequireInstrument(metadata, context.Path);

    public override void ReadRowGroup(RowGroupReader rowGroup, FileContext context, Span<FundingRateUpdate> into, Span<long> tsInit, ColumnBuffers buffers)
    {
        int n = into.Length;
        string path = context.Path;
        string[] rates = ParquetColumns.ReadStrings(rowGroup, context.Columns[1], n);
        ulong?[] next = ParquetColumns.ReadOptionalUInt64(rowGroup, context.Columns[3], n);
        Span<long> tsEvent = buffers.LongSpan(0, n);
        ParquetColumns.ReadInt64(rowGroup, context.Columns[4], "ts_event", path, tsEvent);
        ParquetColumns.ReadInt64(rowGroup, context.Columns[5], "ts_init", path, tsInit);
        if (rates.Length != n || next.Length != n) throw new CatalogFormatException(path, $"a string column has fewer than {n} rows");
        InstrumentId instrument = context.Instrument!;
        for (int i = 0; i < n; i++)
        {
            if (!decimal.TryParse(rates[i], NumberStyles.Float, CultureInfo.InvariantCulture, out decimal rate))
                throw new CatalogFormatException(path, $"column 'rate' holds '{rates[i]}', expected a decimal");
            into[i] = new FundingRateUpdate(instrument, rate, next[i] is { } ns ? (long)ns : null, tsEvent[i], tsInit[i]);
        }
    }
}
