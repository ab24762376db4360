using System.Text.Json;
using System.Text.Json.Serialization;
using Halyard.Core.Model;

namespace Halyard.Persistence.Redis.Json;

/// <summary>Money as {"Amount":"1.5","Currency":{"Code":"USDC","Precision":6}}.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        MoneyShape shape = JsonSerializer.Deserialize<MoneyShape>(ref reader, options) ?? throw new JsonException("money must not be null");
        return new Money(shape.Amount, shape.Currency);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new MoneyShape(value.Amount, value.Currency), options);

    private sealed record MoneyShape(decimal Amount, Currency Currency);
}
