using System.Text.Json;
using Halyard.Core.Model;

namespace Halyard.Hyperliquid.Parsing;

/// <summary>
/// Turns <c>meta</c>, <c>metaAndAssetCtxs</c> and <c>spotMeta</c> responses into markets. Not a hot path:
/// it runs at start and on each instrument refresh, so it reads a <see cref="JsonDocument"/>.
/// </summary>
public static class MetaParser
{
    /// <summary>Spot asset ids are offset by this from the spot pair index.</summary>
    public const int SpotAssetOffset = 10_000;

    /// <summary>Perp markets from a <c>meta</c> object or a <c>metaAndAssetCtxs</c> array (its first element).</summary>
    public static List<HyperliquidMarket> ParsePerps(ReadOnlySpan<byte> json, InstrumentFees fees, long tsInit)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        JsonElement meta = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement[0] : doc.RootElement;
        return ParsePerps(meta, fees, tsInit);
    }

    public static List<HyperliquidMarket> ParsePerps(JsonElement meta, InstrumentFees fees, long tsInit)
    {
        if (!meta.TryGetProperty("universe", out JsonElement universe) || universe.ValueKind != JsonValueKind.Array)
            throw new FormatException("meta response has no 'universe' array");
        var markets = new List<HyperliquidMarket>(universe.GetArrayLength());
        int index = 0;
        foreach (JsonElement asset in universe.EnumerateArray())
        {
            string coin = RequiredString(asset, "name", index);
            int szDecimals = RequiredInt(asset, "szDecimals", index);
            int maxLeverage = RequiredInt(asset, "maxLeverage", index);
            bool delisted = asset.TryGetProperty("isDelisted", out JsonElement d) && d.ValueKind == JsonValueKind.True;
            bool onlyIsolated = asset.TryGetProperty("onlyIsolated", out JsonElement o) && o.ValueKind == JsonValueKind.True;
            CryptoPerpetual instrument = InstrumentBuilder.Perpetual(coin, szDecimals, maxLeverage, fees, tsInit);
            markets.Add(new HyperliquidMarket(coin, index, instrument, delisted, onlyIsolated));
            index++;
        }
        return markets;
    }

    /// <summary>Spot pairs from a <c>spotMeta</c> object (or the first element of <c>spotMetaAndAssetCtxs</c>).</summary>
    public static List<HyperliquidMarket> ParseSpot(ReadOnlySpan<byte> json, InstrumentFees fees, long tsInit)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        JsonElement meta = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement[0] : doc.RootElement;
        return ParseSpot(meta, fees, tsInit);
    }

    public static List<HyperliquidMarket> ParseSpot(JsonElement spotMeta, InstrumentFees fees, long tsInit)
    {
        if (!spotMeta.TryGetProperty("tokens", out JsonElement tokens) || tokens.ValueKind != JsonValueKind.Array)
            throw new FormatException("spotMeta response has no 'tokens' array");
        if (!spotMeta.TryGetProperty("universe", out JsonElement universe) || universe.ValueKind != JsonValueKind.Array)
            throw new FormatException("spotMeta response has no 'universe' array");

        var tokenByIndex = new Dictionary<int, (string Name, int SzDecimals)>();
        int position = 0;
        foreach (JsonElement token in tokens.EnumerateArray())
        {
            int tokenIndex = token.TryGetProperty("index", out JsonElement ti) ? ti.GetInt32() : position;
            tokenByIndex[tokenIndex] = (RequiredString(token, "name", position), RequiredInt(token, "szDecimals", position));
            position++;
        }

        var markets = new List<HyperliquidMarket>(universe.GetArrayLength());
        position = 0;
        foreach (JsonElement pair in universe.EnumerateArray())
        {
            string coin = RequiredString(pair, "name", position);
            int pairIndex = pair.TryGetProperty("index", out JsonElement pi) ? pi.GetInt32() : position;
            if (!pair.TryGetProperty("tokens", out JsonElement pairTokens) || pairTokens.GetArrayLength() != 2)
                throw new FormatException($"spotMeta.universe[{position}].tokens must hold two token indices");
            int baseIndex = pairTokens[0].GetInt32();
            int quoteIndex = pairTokens[1].GetInt32();
            if (!tokenByIndex.TryGetValue(baseIndex, out var baseToken) || !tokenByIndex.TryGetValue(quoteIndex, out var quoteToken))
                throw new FormatException($"spotMeta.universe[{position}] refers to an unknown token");
            CurrencyPair instrument = InstrumentBuilder.Spot(coin, baseToken.Name, baseToken.SzDecimals, quoteToken.Name, quoteToken.SzDecimals, fees, tsInit);
            markets.Add(new HyperliquidMarket(coin, SpotAssetOffset + pairIndex, instrument, IsDelisted: false, OnlyIsolated: false));
            position++;
        }
        return markets;
    }

    private static string RequiredString(JsonElement element, string name, int index) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"universe[{index}].{name} is missing or not a string");

    private static int RequiredInt(JsonElement element, string name, int index) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n)
            ? n
            : throw new FormatException($"universe[{index}].{name} is missing or not an integer");
}
