using System.Text.Json;
using System.Text.Json.Serialization;
using Halyard.Core.Model;

namespace Halyard.Persistence.Redis.Json;

/// <summary>The JSON settings for everything the Redis stores write: exact decimal strings, string identifiers and enums.</summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            IgnoreReadOnlyProperties = true, // Kind, IsBuy and other derived values are not state
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new DecimalStringJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new StringValueJsonConverter<Price>(FixedPointText.ParsePrice, p => FixedPointText.Format(p.Raw, p.Precision)));
        options.Converters.Add(new StringValueJsonConverter<Quantity>(FixedPointText.ParseQuantity, q => FixedPointText.Format(q.Raw, q.Precision)));
        options.Converters.Add(new StringValueJsonConverter<InstrumentId>(t => InstrumentId.Parse(t), i => i.ToString()));
        options.Converters.Add(new StringValueJsonConverter<Venue>(t => new Venue(t), v => v.Name));
        options.Converters.Add(new StringValueJsonConverter<TraderId>(t => new TraderId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<StrategyId>(t => new StrategyId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<ClientOrderId>(t => new ClientOrderId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<VenueOrderId>(t => new VenueOrderId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<AccountId>(t => new AccountId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<PositionId>(t => new PositionId(t), i => i.Value));
        options.Converters.Add(new StringValueJsonConverter<TradeId>(t => new TradeId(t), i => i.Value));
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new AccountBalanceJsonConverter());
        options.Converters.Add(new MarginBalanceJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
