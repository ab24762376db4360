namespace Halyard.Core.Matching;

/// <summary>
/// Outcome of placing (or modifying) one order, shaped like an exchange order status:
/// resting(oid) / filled(totalSz, avgPx, oid) / error(message) / waitingForTrigger.
/// </summary>
public readonly record struct PlaceResult(
    PlaceOutcome Outcome,
    long Oid,
    string? Cloid,
    long TotalSzRaw,
    decimal AvgPx,
    string? Error)
{
    public bool IsError => Outcome == PlaceOutcome.Error;

    public static PlaceResult Resting(long oid, string? cloid) => new(PlaceOutcome.Resting, oid, cloid, 0, 0m, null);
    public static PlaceResult Filled(long oid, string? cloid, long totalSzRaw, decimal avgPx) =>
        new(PlaceOutcome.Filled, oid, cloid, totalSzRaw, avgPx, null);
    public static PlaceResult Rejected(string error) => new(PlaceOutcome.Error, 0, null, 0, 0m, error);
    public static readonly PlaceResult WaitingForFill = new(PlaceOutcome.WaitingForFill, 0, null, 0, 0m, null);
    public static PlaceResult WaitingForTrigger(long oid, string? cloid) => new(PlaceOutcome.WaitingForTrigger, oid, cloid, 0, 0m, null);

    public override string ToString() => Outcome switch
    {
        PlaceOutcome.Resting => $"resting(oid={Oid})",
        PlaceOutcome.Filled => $"filled(totalSz={Model.FixedPoint.ToDecimal(TotalSzRaw)}, avgPx={AvgPx}, oid={Oid})",
        PlaceOutcome.WaitingForTrigger => $"waitingForTrigger(oid={Oid})",
        PlaceOutcome.WaitingForFill => "waitingForFill",
        _ => $"error({Error})",
    };
}
