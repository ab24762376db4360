namespace Halyard.Hyperliquid.Signing;

/// <summary>The result of signing an L1 action: the signature and the connection id it covers (for logs and checks).</summary>
public readonly record struct SignedL1Action(EcdsaSignature Signature, Bytes32 ConnectionId);
