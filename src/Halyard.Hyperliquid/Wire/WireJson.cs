using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Halyard.Hyperliquid.Wire;

/// <summary>Parses venue JSON into DTOs; malformed input becomes a <see cref="ApiErrorKind.Malformed"/> error naming the field.</summary>
public static class WireJson
{
    public static ApiResult<T> Parse<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            T? value = JsonSerializer.Deserialize(utf8, typeInfo);
            return value is null
                ? ApiResult<T>.Failure(ApiErrorKind.Malformed, $"{typeInfo.Type.Name}: the document is null")
                : ApiResult<T>.Success(value);
        }
        catch (JsonException ex)
        {
            return ApiResult<T>.Failure(ApiErrorKind.Malformed, Describe(typeInfo.Type.Name, ex));
        }
    }

    /// <summary>Parses a WS frame <c>{"channel","data"}</c> and returns its data.</summary>
    public static ApiResult<T> ParsePushData<T>(ReadOnlySpan<byte> frame, JsonTypeInfo<Push.WsPush<T>> typeInfo)
    {
        var push = Parse(frame, typeInfo);
        if (!push.IsSuccess) return push.Error;
        return push.Value.Data is { } data
            ? ApiResult<T>.Success(data)
            : ApiResult<T>.Failure(ApiErrorKind.Malformed, $"{push.Value.Channel} frame without 'data'");
    }

    /// <summary>A one-line description of a parse failure: the type, the JSON path of the field, the reason.</summary>
    internal static string Describe(string what, JsonException ex)
    {
        string path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        string reason = ex.Message;
        int pathIndex = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (pathIndex > 0) reason = reason[..pathIndex];
        return $"invalid {what} at '{path}': {reason}";
    }
}
