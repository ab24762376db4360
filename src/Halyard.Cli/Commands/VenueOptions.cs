using System.CommandLine;
using Halyard.Hyperliquid;

namespace Halyard.Cli.Commands;

/// <summary>
/// `--testnet | --mainnet | --url URL`, shared by the commands that read public market data (record, backfill):
/// testnet unless told otherwise; a URL (e.g. `halyard sim`) takes REST there and WebSocket at its /ws.
/// </summary>
internal sealed class VenueOptions
{
    public Option<bool> Testnet { get; } = new("--testnet") { Description = "Hyperliquid testnet (the default)." };
    public Option<bool> Mainnet { get; } = new("--mainnet") { Description = "Hyperliquid mainnet (public market data; no key is needed)." };
    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = "A Hyperliquid-compatible server, e.g. the local simulator (http://127.0.0.1:8080); WebSocket at <url>/ws.",
        CustomParser = result =>
        {
            string text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
            result.AddError($"--url: '{text}' is not an absolute http(s) URL");
            return null;
        },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Testnet);
        command.Options.Add(Mainnet);
        command.Options.Add(Url);
    }

    /// <summary>The network and endpoints chosen, or a message saying why the combination is invalid.</summary>
    public bool TryResolve(ParseResult parse, out HyperliquidNetwork network, out HyperliquidEndpoints endpoints, out string? problem)
    {
        bool testnet = parse.GetValue(Testnet), mainnet = parse.GetValue(Mainnet);
        Uri? url = parse.GetValue(Url);
        network = mainnet ? HyperliquidNetwork.Mainnet : HyperliquidNetwork.Testnet;
        endpoints = url is not null ? HyperliquidEndpoints.At(url) : HyperliquidEndpoints.For(network);
        problem = (testnet, mainnet, url) switch
        {
            (true, true, _) => "--testnet and --mainnet are mutually exclusive",
            (_, _, not null) when testnet || mainnet => "--url replaces --testnet/--mainnet; give one of them",
            _ => null,
        };
        return problem is null;
    }

    /// <summary>What the user connects to, for progress lines.</summary>
    public static string Describe(HyperliquidNetwork network, HyperliquidEndpoints endpoints, bool custom) =>
        custom ? endpoints.RestUrl.ToString().TrimEnd('/') : network == HyperliquidNetwork.Mainnet ? "mainnet" : "testnet";
}
