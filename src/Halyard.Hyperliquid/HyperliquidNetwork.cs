namespace Halyard.Hyperliquid;

/// <summary>Which Hyperliquid chain: it selects the URLs and, for signatures, the phantom agent's source.</summary>
public enum HyperliquidNetwork
{
    Testnet = 0,
    Mainnet = 1,
}
