namespace Halyard.Core.Matching;

/// <summary>Outcome of a cancel: "success" or an error message.</summary>
public readonly record struct CancelResult(string? Error)
{
    public bool IsSuccess => Error is null;

    public static readonly CancelResult Success = new((string?)null);
    public static readonly CancelResult NotFound = new(MatchingErrors.CancelNotFound);

    public override string ToString() => Error ?? "success";
}
