using System.Globalization;
using System.Text;
using Halyard.Core.Model;
using Halyard.Core.Strategies;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Rest;
using Halyard.Samples;

namespace Halyard.Cli.Hosting;

/// <summary>
/// Builds the configured strategies before the node starts: their instruments and a reference price come from one
/// <c>metaAndAssetCtxs</c> and one <c>allMids</c> request to the venue (or simulator) the node will trade on.
/// </summary>
public static class StrategyCatalog
{
    /// <summary>Names the registry (samples/Halyard.Samples) knows, the default first.</summary>
    public static IReadOnlyCollection<string> Names => SampleStrategies.Names;

    public static string Default => SampleStrategies.Default;

    /// <exception cref="InvalidOperationException">The venue cannot be read, or an instrument is not listed or not a perpetual.</exception>
    public static async Task<IReadOnlyList<Strategy>> CreateAsync(IReadOnlyList<StrategySpec> specs, HyperliquidEndpoints endpoints,
        HttpClient http, CancellationToken ct)
    {
        var info = new HyperliquidInfoClient(http, new HyperliquidRestOptions { BaseUrl = endpoints.RestUrl, MaxRetries = 2 });
        var provider = new HyperliquidInstrumentProvider(async (type, token) =>
        {
            ApiResult<byte[]> answer = await info.PostRawAsync(type, Encoding.UTF8.GetBytes($$"""{"type":"{{type}}"}"""), token).ConfigureAwait(false);
            return answer.IsSuccess ? answer.Value : throw new InvalidOperationException($"cannot read the instruments from {endpoints.RestUrl}: {answer.Error.Message}");
        });
        await using var _ = provider.ConfigureAwait(false);
        var table = await provider.LoadAsync(ct).ConfigureAwait(false);
        ApiResult<IReadOnlyDictionary<string, decimal>> mids = await info.GetAllMidsAsync(ct: ct).ConfigureAwait(false);
        if (!mids.IsSuccess) throw new InvalidOperationException($"cannot read prices (allMids) from {endpoints.RestUrl}: {mids.Error.Message}");

        var strategies = new List<Strategy>();
        foreach (StrategySpec spec in specs)
        {
            HyperliquidMarket? market = table.Markets.FirstOrDefault(m => m.InstrumentId == spec.InstrumentId && !m.IsDelisted);
            if (market?.Instrument is not CryptoPerpetual perpetual)
                throw new InvalidOperationException($"{spec.InstrumentId} is not a listed perpetual on {endpoints.RestUrl}");
            if (!mids.Value.TryGetValue(market.Coin, out decimal mid) || mid <= 0)
                throw new InvalidOperationException($"{endpoints.RestUrl} has no price for {market.Coin} (allMids)");
            if (!SampleStrategies.TryCreate(spec.Name, perpetual, mid, out Strategy? strategy))
                throw new InvalidOperationException($"unknown strategy {spec.Name} (one of {string.Join(", ", Names)})");
            strategies.Add(strategy!);
        }
        return strategies;
    }

    internal static string Describe(IEnumerable<StrategySpec> specs) =>
        string.Join(", ", specs.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} on {s.InstrumentId}")));
}
