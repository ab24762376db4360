using System.Text;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// The single description of a user-signed action type (PROTOCOL §5.8): wire type, EIP-712 primary type and fields.
/// Typed actions, the JSON body, the type string and hash, and verification of received JSON all derive from it.
/// </summary>
public sealed class UserSignedActionSchema
{
    private UserSignedActionSchema(string wireType, string primaryType, string nonceField, params UserSignedField[] fields)
    {
        WireType = wireType;
        PrimaryType = primaryType;
        NonceField = nonceField;
        Fields = [new UserSignedField("hyperliquidChain", UserSignedFieldType.String), .. fields];
        TypeString = $"{primaryType}({string.Join(",", Fields.Select(f => $"{f.SolidityType} {f.Name}"))})";
        TypeHash = Keccak256.Hash(Encoding.UTF8.GetBytes(TypeString));
    }

    /// <summary>The action's <c>type</c> on the wire ("usdSend", "withdraw3", …).</summary>
    public string WireType { get; }

    /// <summary>EIP-712 primary type ("HyperliquidTransaction:UsdSend", …).</summary>
    public string PrimaryType { get; }

    /// <summary>The field that must equal the envelope nonce ("time" or "nonce").</summary>
    public string NonceField { get; }

    /// <summary>EIP-712 fields in type order; the first is always <c>hyperliquidChain</c>.</summary>
    public IReadOnlyList<UserSignedField> Fields { get; }

    public string TypeString { get; }

    public Bytes32 TypeHash { get; }

    private static UserSignedField Str(string name) => new(name, UserSignedFieldType.String);
    private static UserSignedField Addr(string name) => new(name, UserSignedFieldType.Address);
    private static UserSignedField U64(string name) => new(name, UserSignedFieldType.UInt64);

    public static UserSignedActionSchema UsdSend { get; } =
        new("usdSend", "HyperliquidTransaction:UsdSend", "time", Str("destination"), Str("amount"), U64("time"));

    public static UserSignedActionSchema Withdraw { get; } =
        new("withdraw3", "HyperliquidTransaction:Withdraw", "time", Str("destination"), Str("amount"), U64("time"));

    public static UserSignedActionSchema UsdClassTransfer { get; } =
        new("usdClassTransfer", "HyperliquidTransaction:UsdClassTransfer", "nonce",
            Str("amount"), new UserSignedField("toPerp", UserSignedFieldType.Bool), U64("nonce"));

    public static UserSignedActionSchema SpotSend { get; } =
        new("spotSend", "HyperliquidTransaction:SpotSend", "time", Str("destination"), Str("token"), Str("amount"), U64("time"));

    public static UserSignedActionSchema ApproveAgent { get; } =
        new("approveAgent", "HyperliquidTransaction:ApproveAgent", "nonce", Addr("agentAddress"), Str("agentName"), U64("nonce"));

    public static UserSignedActionSchema ApproveBuilderFee { get; } =
        new("approveBuilderFee", "HyperliquidTransaction:ApproveBuilderFee", "nonce", Str("maxFeeRate"), Addr("builder"), U64("nonce"));

    public static UserSignedActionSchema SendAsset { get; } =
        new("sendAsset", "HyperliquidTransaction:SendAsset", "nonce",
            Str("destination"), Str("sourceDex"), Str("destinationDex"), Str("token"), Str("amount"), Str("fromSubAccount"), U64("nonce"));

    /// <summary>Every user-signed action type Halyard knows.</summary>
    public static IReadOnlyList<UserSignedActionSchema> All { get; } =
        [UsdSend, Withdraw, UsdClassTransfer, SpotSend, ApproveAgent, ApproveBuilderFee, SendAsset];

    /// <summary>Finds the schema of a wire <c>type</c>.</summary>
    public static bool TryGet(string? wireType, out UserSignedActionSchema schema)
    {
        foreach (var candidate in All)
        {
            if (candidate.WireType == wireType)
            {
                schema = candidate;
                return true;
            }
        }
        schema = null!;
        return false;
    }

    /// <summary>Fields whose empty value is signed but left out of the JSON (approveAgent's unnamed agent).</summary>
    internal bool OmitOnWireWhenEmpty(string fieldName) => this == ApproveAgent && fieldName == "agentName";
}
