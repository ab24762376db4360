using System.Text.Json;
using System.Text.Json.Serialization;
using Halyard.Core.Model;

namespace Halyard.Persistence.Redis.Json;

/// <summary>A balance as its three amounts; read back through its validating constructor.</summary>
internal sealed class AccountBalanceJsonConverter : JsonConverter<AccountBalance>
{
    public override AccountBalance Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Shape shape = JsonSerializer.Deserialize<Shape>(ref reader, options) ?? throw new JsonException("a balance must not be null");
        try
        {
            return new AccountBalance(shape.Total, shape.Locked, shape.Free);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"invalid balance: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, AccountBalance value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.Total, value.Locked, value.Free), options);

    private sealed record Shape(Money Total, Money Locked, Money Free);
}
