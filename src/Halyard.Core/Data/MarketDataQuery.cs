using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>
/// What to replay: kinds, instruments (all when empty) and an inclusive <c>ts_init</c> range in
/// nanoseconds since the Unix epoch. Bars are selected by <see cref="BarTypes"/> (all bar types of
/// the instruments when empty).
/// </summary>
public sealed record MarketDataQuery(
    IReadOnlyList<MarketDataKind> Kinds,
    IReadOnlyList<InstrumentId>? Instruments = null,
    long StartNs = 0,
    long EndNs = long.MaxValue,
    IReadOnlyList<BarType>? BarTypes = null)
{
    public static MarketDataQuery For(MarketDataKind kind, InstrumentId? instrument = null, long startNs = 0, long endNs = long.MaxValue) =>
        new([kind], instrument is null ? null : [instrument], startNs, endNs);

    public void Validate()
    {
        if (Kinds is null || Kinds.Count == 0) throw new ArgumentException("at least one kind is required", nameof(Kinds));
        if (StartNs > EndNs) throw new ArgumentException($"{nameof(StartNs)} ({StartNs}) is after {nameof(EndNs)} ({EndNs})", nameof(StartNs));
    }
}
