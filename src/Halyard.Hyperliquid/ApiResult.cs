using System.Diagnostics.CodeAnalysis;

namespace Halyard.Hyperliquid;

/// <summary>The outcome of a venue call: a value, or an <see cref="ApiError"/> saying what failed.</summary>
public readonly struct ApiResult<T>
{
    private readonly T? _value;

    private ApiResult(T? value, ApiError? error)
    {
        _value = value;
        Error = error;
    }

    public static ApiResult<T> Success(T value) => new(value, null);
    public static ApiResult<T> Failure(ApiError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
    public static ApiResult<T> Failure(ApiErrorKind kind, string message, int? httpStatus = null) => new(default, new ApiError(kind, message, httpStatus));

    public static implicit operator ApiResult<T>(ApiError error) => Failure(error);

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public ApiError? Error { get; }

    /// <summary>The value; throws when the call failed (use <see cref="TryGetValue"/> on expected-failure paths).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"the call failed: {Error}");

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out ApiError error)
    {
        value = _value;
        error = Error;
        return Error is null;
    }

    /// <summary>Maps a success value; a failure passes through.</summary>
    public ApiResult<TOut> Map<TOut>(Func<T, TOut> map) => Error is null ? ApiResult<TOut>.Success(map(_value!)) : ApiResult<TOut>.Failure(Error);

    public override string ToString() => Error is null ? $"Success({_value})" : $"Failure({Error})";
}
