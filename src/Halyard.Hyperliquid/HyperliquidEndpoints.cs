namespace Halyard.Hyperliquid;

/// <summary>REST base (for /info and /exchange) and WebSocket URL. Overridable to point at the local simulator.</summary>
public sealed record HyperliquidEndpoints(Uri RestUrl, Uri WsUrl)
{
    public static readonly HyperliquidEndpoints Mainnet = new(new Uri("https://api.hyperliquid.xyz"), new Uri("wss://api.hyperliquid.xyz/ws"));
    public static readonly HyperliquidEndpoints Testnet = new(new Uri("https://api.hyperliquid-testnet.xyz"), new Uri("wss://api.hyperliquid-testnet.xyz/ws"));

    public static HyperliquidEndpoints For(HyperliquidNetwork network) => network == HyperliquidNetwork.Mainnet ? Mainnet : Testnet;

    /// <summary>Endpoints of a server at <paramref name="restUrl"/> (e.g. the simulator): WS is the same host at /ws.</summary>
    public static HyperliquidEndpoints At(Uri restUrl)
    {
        var ws = new UriBuilder(restUrl) { Scheme = restUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = restUrl.AbsolutePath.TrimEnd('/') + "/ws" };
        return new HyperliquidEndpoints(restUrl, ws.Uri);
    }

    public void Validate(string field)
    {
        if (RestUrl is null || !RestUrl.IsAbsoluteUri || (RestUrl.Scheme != Uri.UriSchemeHttp && RestUrl.Scheme != Uri.UriSchemeHttps))
            throw new HyperliquidConfigException($"{field}.{nameof(RestUrl)}", RestUrl, "must be an absolute http(s) URL");
        if (WsUrl is null || !WsUrl.IsAbsoluteUri || (WsUrl.Scheme != "ws" && WsUrl.Scheme != "wss"))
            throw new HyperliquidConfigException($"{field}.{nameof(WsUrl)}", WsUrl, "must be an absolute ws(s) URL");
    }
}
