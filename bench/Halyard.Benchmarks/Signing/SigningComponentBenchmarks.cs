using BenchmarkDotNet.Attributes;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Benchmarks.Signing;

/// <summary>The stages of L1 signing in isolation, to see where the end-to-end time goes.</summary>
[MemoryDiagnoser]
public class SigningComponentBenchmarks
{
    private readonly OrderAction _action = new(new OrderWire(0, true, "97123", "0.01234", false, OrderTypeWire.Gtc,
        Cloid.Parse("0x00000000000000000000000000000001")));
    private readonly byte[] _digest = new byte[32];
    private readonly byte[] _secret = Convert.FromHexString("0123456789012345678901234567890123456789012345678901234567890123");
    private readonly byte[] _signature = new byte[64];

    [Benchmark]
    public Bytes32 ConnectionId() => L1ActionHasher.ConnectionId(_action, 1_700_000_000_000);

    [Benchmark]
    public Bytes32 Eip712Digest() => Eip712.L1Digest(default, isMainnet: true);

    [Benchmark]
    public int NativeSign() => Secp256k1Backends.Native!.Sign(_digest, _secret, _signature);

    [Benchmark]
    public int ManagedSign() => Secp256k1Backends.Managed.Sign(_digest, _secret, _signature);
}
