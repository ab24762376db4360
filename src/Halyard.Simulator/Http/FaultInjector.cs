namespace Halyard.Simulator.Http;

/// <summary>
/// Faults a test asks for through POST /sim/fault: a delay before every answer, the next N requests answered with an
/// HTTP error status, the next order rejected with a given reason. Thread-safe.
/// </summary>
internal sealed class FaultInjector
{
    private int _delayMs;
    private int _statusCode;
    private int _statusCount;
    private string? _rejectNextOrder;

    public int DelayMs => Volatile.Read(ref _delayMs);

    public void SetDelay(int milliseconds) => Volatile.Write(ref _delayMs, milliseconds);

    public void FailNext(int statusCode, int count)
    {
        lock (this)
        {
            _statusCode = statusCode;
            _statusCount = count;
        }
    }

    /// <summary>The status to answer this request with instead of serving it, or 0 to serve it.</summary>
    public int TakeFailure()
    {
        if (Volatile.Read(ref _statusCount) == 0) return 0;
        lock (this)
        {
            if (_statusCount == 0) return 0;
            _statusCount--;
            return _statusCode;
        }
    }

    public void RejectNextOrder(string reason) => Volatile.Write(ref _rejectNextOrder, reason);

    /// <summary>The reason to reject the next order with, consumed once; null when no rejection is armed.</summary>
    public string? TakeOrderRejection() =>
        Volatile.Read(ref _rejectNextOrder) is null ? null : Interlocked.Exchange(ref _rejectNextOrder, null);

    public void Clear()
    {
        lock (this)
        {
            _delayMs = 0;
            _statusCode = 0;
            _statusCount = 0;
            _rejectNextOrder = null;
        }
    }

    /// <summary>"429 Too Many Requests": the text the exchange's WS post errors mirror.</summary>
    public static string StatusText(int statusCode) => statusCode switch
    {
        429 => "429 Too Many Requests",
        500 => "500 Internal Server Error",
        502 => "502 Bad Gateway",
        503 => "503 Service Unavailable",
        _ => $"{statusCode} Error",
    };
}
