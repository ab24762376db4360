namespace Halyard.Hyperliquid.Wire;

/// <summary>EIP-712 field types used by user-signed actions.</summary>
public enum UserSignedFieldType
{
    String,
    Address,
    Bool,
    UInt64,
}
