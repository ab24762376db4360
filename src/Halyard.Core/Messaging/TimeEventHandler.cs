namespace Halyard.Core.Messaging;

/// <summary>A due <see cref="TimeEvent"/> with the callback to run for it on the kernel thread.</summary>
public readonly record struct TimeEventHandler(TimeEvent Event, Action<TimeEvent> Callback)
{
    public void Invoke() => Callback(Event);
}
