namespace Halyard.Hyperliquid.Signing;

/// <summary>Chooses the secp256k1 implementation: libsecp256k1 when it loads, BouncyCastle otherwise.</summary>
public static class Secp256k1Backends
{
    /// <summary>The native backend if available, else the managed one.</summary>
    public static ISecp256k1 Default => (ISecp256k1?)NativeSecp256k1.Instance ?? ManagedSecp256k1.Instance;

    /// <summary>The native backend, or null when libsecp256k1 is not installed (see <see cref="NativeSecp256k1.LoadFailure"/>).</summary>
    public static ISecp256k1? Native => NativeSecp256k1.Instance;

    /// <summary>The portable BouncyCastle backend.</summary>
    public static ISecp256k1 Managed => ManagedSecp256k1.Instance;
}
