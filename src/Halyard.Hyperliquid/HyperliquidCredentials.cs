using System.Globalization;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid;

/// <summary>
/// Where the signing key comes from (an environment variable or a key file; never the config text itself) and
/// which account it acts for. With an agent (API) wallet the key signs but <see cref="AccountAddress"/> owns the
/// orders; with a vault or sub-account <see cref="VaultAddress"/> is the owner. Reads always use the owner.
/// </summary>
public sealed record HyperliquidCredentials
{
    public const string TestnetKeyVariable = "HYPERLIQUID_TESTNET_PK";
    public const string MainnetKeyVariable = "HYPERLIQUID_PK";
    public const string VaultVariable = "HYPERLIQUID_VAULT";
    public const string AccountVariable = "HYPERLIQUID_ACCOUNT";

    /// <summary>Environment variable holding the key as 0x + 64 hex; used when <see cref="KeyFile"/> is null.</summary>
    public string? KeyVariable { get; init; }
    /// <summary>A file whose only content is the key as 0x + 64 hex.</summary>
    public string? KeyFile { get; init; }
    /// <summary>The master account when the key is an agent wallet's; null when the key is the account's own.</summary>
    public string? AccountAddress { get; init; }
    /// <summary>Vault or sub-account to trade for; null for the account itself.</summary>
    public string? VaultAddress { get; init; }

    /// <summary>Key from the network's default variable, vault and agent's master from the environment.</summary>
    public static HyperliquidCredentials FromEnvironment(HyperliquidNetwork network) => new()
    {
        KeyVariable = network == HyperliquidNetwork.Mainnet ? MainnetKeyVariable : TestnetKeyVariable,
        VaultAddress = NullIfBlank(Environment.GetEnvironmentVariable(VaultVariable))?.ToLowerInvariant(),
        AccountAddress = NullIfBlank(Environment.GetEnvironmentVariable(AccountVariable))?.ToLowerInvariant(),
    };

    public void Validate(string field)
    {
        if (KeyFile is null && string.IsNullOrWhiteSpace(KeyVariable))
            throw new HyperliquidConfigException($"{field}.{nameof(KeyVariable)}", null, "or KeyFile must be set");
        if (KeyFile is not null && string.IsNullOrWhiteSpace(KeyFile))
            throw new HyperliquidConfigException($"{field}.{nameof(KeyFile)}", null, "must not be blank");
        if (AccountAddress is not null && !IsAddress(AccountAddress))
            throw new HyperliquidConfigException($"{field}.{nameof(AccountAddress)}", AccountAddress, "must be 0x followed by 40 hex digits");
        if (VaultAddress is not null && !IsAddress(VaultAddress))
            throw new HyperliquidConfigException($"{field}.{nameof(VaultAddress)}", VaultAddress, "must be 0x followed by 40 hex digits");
    }

    /// <summary>
    /// Reads the key text from its source and checks its shape. Errors say where the key was looked for and what
    /// is wrong with it, never what it is.
    /// </summary>
    internal string ReadKeyHex()
    {
        string source;
        string? text;
        if (KeyFile is not null)
        {
            source = $"key file {KeyFile}";
            if (!File.Exists(KeyFile)) throw new HyperliquidConfigException(nameof(KeyFile), KeyFile, "does not exist");
            text = File.ReadAllText(KeyFile);
        }
        else
        {
            source = $"environment variable {KeyVariable}";
            text = Environment.GetEnvironmentVariable(KeyVariable!);
            if (string.IsNullOrWhiteSpace(text))
                throw new HyperliquidConfigException(KeyVariable!, null, "is not set; it must hold the private key as 0x followed by 64 hex digits");
        }
        string trimmed = text.Trim();
        string digits = trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        if (digits.Length != 64)
            throw new HyperliquidConfigException(source, null, $"does not hold a valid private key: expected 64 hex digits, found {digits.Length} characters");
        foreach (char c in digits)
            if (!char.IsAsciiHexDigit(c))
                throw new HyperliquidConfigException(source, null, "does not hold a valid private key: it contains characters that are not hex digits");
        return digits;
    }

    /// <summary>Loads the signing key; fails with a message naming the source, never the key.</summary>
    public PrivateKey LoadKey()
    {
        string hex = ReadKeyHex();
        try { return PrivateKey.FromHex(hex); }
        catch (FormatException ex) { throw new HyperliquidConfigException(KeyFile is not null ? $"key file {KeyFile}" : KeyVariable!, null, $"does not hold a valid private key: {ex.Message}"); }
    }

    /// <summary>The address that owns orders, positions and fills: the vault, else the agent's master, else the key's own.</summary>
    public string OwnerAddress(PrivateKey key) => VaultAddress ?? AccountAddress ?? key.Address;

    /// <summary>Never shows the key; shows where it comes from.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"HyperliquidCredentials {{ Key = {(KeyFile is not null ? $"file {KeyFile}" : $"${KeyVariable}")} (redacted), AccountAddress = {AccountAddress ?? "(key's own)"}, VaultAddress = {VaultAddress ?? "(none)"} }}");

    internal static bool IsAddress(string text) =>
        text.Length == 42 && text.StartsWith("0x", StringComparison.Ordinal) && text.AsSpan(2).ContainsAnyExcept(HexDigits) == false;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
