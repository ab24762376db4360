namespace Halyard.Core.Messaging;

/// <summary>
/// The kernel's only source of time. Timer callbacks always run on the kernel thread: the live clock
/// posts them into the kernel inbox, the test clock fires them while a backtest advances it.
/// </summary>
public interface IClock
{
    /// <summary>Nanoseconds since the Unix epoch, UTC.</summary>
    long UtcNowNs { get; }

    /// <summary>Names of the timers and alerts still pending.</summary>
    IReadOnlyCollection<string> TimerNames { get; }

    /// <summary>
    /// A repeating timer that fires at <c>start + k·interval</c> (k ≥ 1) until <paramref name="stopNs"/>
    /// (inclusive) or until canceled. <paramref name="startNs"/> defaults to now.
    /// </summary>
    void SetTimer(string name, long intervalNs, long? startNs, long? stopNs, Action<TimeEvent> callback);

    /// <summary>A one-shot alert at <paramref name="atNs"/> (fires at once if that is already past).</summary>
    void SetTimeAlert(string name, long atNs, Action<TimeEvent> callback);

    /// <summary>Cancels a timer or alert; no effect when none has that name.</summary>
    void CancelTimer(string name);

    /// <summary>When the named timer or alert fires next, or null when there is none.</summary>
    long? NextFireNs(string name);
}
