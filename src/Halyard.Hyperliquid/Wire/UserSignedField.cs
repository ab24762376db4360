namespace Halyard.Hyperliquid.Wire;

/// <summary>One field of a user-signed action's EIP-712 type, in type order.</summary>
public readonly record struct UserSignedField(string Name, UserSignedFieldType Type)
{
    /// <summary>The Solidity type name in the type string ("string", "address", "bool", "uint64").</summary>
    public string SolidityType => Type switch
    {
        UserSignedFieldType.String => "string",
        UserSignedFieldType.Address => "address",
        UserSignedFieldType.Bool => "bool",
        UserSignedFieldType.UInt64 => "uint64",
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown field type"),
    };
}
