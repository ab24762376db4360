namespace Halyard.Core.Model;

/// <summary>
/// The deltas of one venue update, applied together. The list may be a reused buffer owned by the
/// producer: consumers that keep deltas beyond the callback must copy them.
/// </summary>
public sealed class OrderBookDeltas
{
    public InstrumentId InstrumentId { get; }
    public IReadOnlyList<OrderBookDelta> Deltas { get; }

    public OrderBookDeltas(InstrumentId instrumentId, IReadOnlyList<OrderBookDelta> deltas)
    {
        InstrumentId = instrumentId;
        Deltas = deltas;
    }

    public bool IsSnapshot => Deltas.Count > 0 && Deltas[0].IsSnapshot;
    public long TsEvent => Deltas.Count > 0 ? Deltas[^1].TsEvent : 0;
    public long TsInit => Deltas.Count > 0 ? Deltas[^1].TsInit : 0;
}
