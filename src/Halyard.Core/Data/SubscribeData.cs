using Halyard.Core.Model;

namespace Halyard.Core.Data;

/// <summary>A request to start (or, with <see cref="Unsubscribe"/>, stop) receiving one kind of data for an instrument.</summary>
public sealed record SubscribeData
{
    public DataKind Kind { get; }
    public InstrumentId InstrumentId { get; }
    /// <summary>Set for <see cref="DataKind.Bars"/>.</summary>
    public BarType? BarType { get; }
    public bool Unsubscribe { get; init; }

    public SubscribeData(DataKind kind, InstrumentId instrumentId, BarType? barType = null)
    {
        if (kind == DataKind.Bars && barType is null) throw new ArgumentException("a bar subscription needs a bar type", nameof(barType));
        Kind = kind;
        InstrumentId = barType?.InstrumentId ?? instrumentId ?? throw new ArgumentNullException(nameof(instrumentId));
        BarType = barType;
    }

    public static SubscribeData Bars(BarType barType) => new(DataKind.Bars, barType.InstrumentId, barType);

    public SubscribeData AsUnsubscribe() => this with { Unsubscribe = true };

    public override string ToString() => $"{(Unsubscribe ? "Unsubscribe" : "Subscribe")}{Kind}({(object?)BarType ?? InstrumentId})";
}
