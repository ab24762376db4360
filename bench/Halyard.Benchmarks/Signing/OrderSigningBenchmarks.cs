using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Benchmarks.Signing;

/// <summary>
/// Signing one order end to end, as the execution client does it: round and format price/size, build the action,
/// msgpack + Keccak (connection id), EIP-712 digest, secp256k1 sign, then the JSON request body.
/// Targets: ≤ 40 µs median with libsecp256k1, ≤ 130 µs with BouncyCastle.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class OrderSigningBenchmarks
{
    private HyperliquidSigner _signer = null!;
    private readonly ArrayBufferWriter<byte> _body = new(1024);
    private Utf8JsonWriter _json = null!;
    private readonly Cloid _cloid = Cloid.Parse("0x00000000000000000000000000000001");
    private ulong _nonce = 1_700_000_000_000;

    [Params("libsecp256k1", "BouncyCastle")]
    public string Backend { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        ISecp256k1 backend = Backend == "libsecp256k1"
            ? Secp256k1Backends.Native ?? throw new InvalidOperationException("libsecp256k1 not loaded: " + NativeSecp256k1.LoadFailure)
            : Secp256k1Backends.Managed;
        _signer = new HyperliquidSigner(PrivateKey.FromBytes(System.Security.Cryptography.SHA256.HashData("halyard-bench-signer"u8)), true, backend);
        _json = new Utf8JsonWriter(_body);
    }

    [Benchmark]
    public int SignOrderEndToEnd()
    {
        string price = TickRules.FormatPrice(97_123.4567m, 5, MarketType.Perp, WireRounding.Down);
        string size = TickRules.FormatSize(0.0123456m, 5, WireRounding.Down);
        var action = new OrderAction(new OrderWire(0, true, price, size, false, OrderTypeWire.Gtc, _cloid));
        ulong nonce = ++_nonce;
        var signed = _signer.SignL1(action, nonce);
        _body.ResetWrittenCount();
        _json.Reset(_body);
        ExchangeRequestJson.WriteL1(_json, action, nonce, signed.Signature);
        _json.Flush();
        return _body.WrittenCount;
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}
