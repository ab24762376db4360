namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// Dead man's switch: <c>{"type":"scheduleCancel","time":ms}</c>; without a time the key is omitted, which clears
/// the schedule (PROTOCOL §5.5).
/// </summary>
public sealed class ScheduleCancelAction(ulong? time = null) : IL1Action
{
    public string Type => "scheduleCancel";
    public ulong? Time { get; } = time;

    public void WriteTo(IWireWriter writer)
    {
        writer.WriteMapStart(Time is null ? 1 : 2);
        writer.WriteKey("type"u8);
        writer.WriteString("scheduleCancel"u8);
        if (Time is { } time)
        {
            writer.WriteKey("time"u8);
            writer.WriteUInt64(time);
        }
        writer.WriteMapEnd();
    }
}
