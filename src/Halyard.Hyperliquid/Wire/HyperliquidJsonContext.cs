using System.Text.Json.Serialization;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// Source-generated JSON metadata for every info response and push message. Decimal strings are read into
/// <c>decimal</c> (exact); unknown fields are ignored; required fields and non-nullable values are enforced
/// so a malformed message fails with the path of the offending field.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PerpMeta))]
[JsonSerializable(typeof(MarginTableBody))]
[JsonSerializable(typeof(MetaAndAssetContexts))]
[JsonSerializable(typeof(IReadOnlyList<PerpAssetContext>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, decimal>))]
[JsonSerializable(typeof(L2BookSnapshot))]
[JsonSerializable(typeof(ClearinghouseState))]
[JsonSerializable(typeof(IReadOnlyList<OpenOrder>))]
[JsonSerializable(typeof(IReadOnlyList<FrontendOpenOrder>))]
[JsonSerializable(typeof(IReadOnlyList<UserFill>))]
[JsonSerializable(typeof(OrderStatusResponse))]
[JsonSerializable(typeof(IReadOnlyList<Candle>))]
[JsonSerializable(typeof(IReadOnlyList<FundingRateEntry>))]
[JsonSerializable(typeof(UserRateLimit))]
[JsonSerializable(typeof(IReadOnlyList<UserFundingEntry>))]
[JsonSerializable(typeof(ExchangeResponse))]
[JsonSerializable(typeof(IReadOnlyList<ExchangeStatus>))]
[JsonSerializable(typeof(RestingBody))]
[JsonSerializable(typeof(FilledBody))]
[JsonSerializable(typeof(WsPush<SubscriptionAck>))]
[JsonSerializable(typeof(WsPush<string>))]
[JsonSerializable(typeof(WsPush<AllMidsPush>))]
[JsonSerializable(typeof(WsPush<L2BookSnapshot>))]
[JsonSerializable(typeof(WsPush<IReadOnlyList<WsTrade>>))]
[JsonSerializable(typeof(WsPush<BboPush>))]
[JsonSerializable(typeof(WsPush<Candle>))]
[JsonSerializable(typeof(WsPush<IReadOnlyList<OrderUpdate>>))]
[JsonSerializable(typeof(WsPush<UserFillsPush>))]
[JsonSerializable(typeof(WsPush<UserEventPush>))]
[JsonSerializable(typeof(WsPush<UserFundingsPush>))]
[JsonSerializable(typeof(WsPush<ActiveAssetContextPush>))]
public sealed partial class HyperliquidJsonContext : JsonSerializerContext;
