using Halyard.Hyperliquid.Signing;

namespace Halyard.Hyperliquid.Wire;

/// <summary>Optional builder of an order action: <c>{"b": address (lowercase), "f": fee in tenths of a basis point}</c>.</summary>
public sealed record BuilderFee
{
    public BuilderFee(string address, int feeTenthsOfBasisPoint)
    {
        if (!EthereumAddress.IsValid(address)) throw new ArgumentException("builder.b must be 0x followed by 40 hex digits", nameof(address));
        ArgumentOutOfRangeException.ThrowIfNegative(feeTenthsOfBasisPoint);
        Address = address.ToLowerInvariant();
        Fee = feeTenthsOfBasisPoint;
    }

    public string Address { get; }
    public int Fee { get; }

    internal void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(2);
        writer.WriteKey("b"u8);
        writer.WriteString(Address);
        writer.WriteKey("f"u8);
        writer.WriteInt64(Fee);
        writer.WriteMapEnd();
    }
}
