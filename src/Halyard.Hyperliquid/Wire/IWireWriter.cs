namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// The one vocabulary every action uses to describe its fields. The msgpack writer (hashed) and the JSON writer
/// (sent) both implement it, so the bytes we sign and the body we post come from the same code path.
/// Counts are required up front because msgpack needs them; the JSON writer ignores them.
/// </summary>
public interface IWireWriter
{
    void WriteMapStart(int count);
    void WriteMapEnd();
    void WriteArrayStart(int count);
    void WriteArrayEnd();
    void WriteKey(ReadOnlySpan<byte> utf8Name);
    void WriteString(string value);
    void WriteString(ReadOnlySpan<byte> utf8Value);
    void WriteBool(bool value);
    void WriteInt64(long value);
    void WriteUInt64(ulong value);
    void WriteNull();
}
