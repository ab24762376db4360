using System.Globalization;

namespace Halyard.Cli.Commands;

/// <summary>Reads the `--from`/`--to` style times: ISO-8601, UTC unless an offset is given.</summary>
internal static class UtcTimeText
{
    /// <summary>Nanoseconds since the epoch, or a message naming the option when <paramref name="text"/> is not a time.</summary>
    public static bool TryParse(string text, string option, out long ns, out string? problem)
    {
        problem = null;
        ns = 0;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            problem = $"{option}: cannot read '{text}' as a UTC time (e.g. 2026-01-02T10:00:00Z)";
            return false;
        }
        if (time.UtcDateTime < DateTime.UnixEpoch)
        {
            problem = $"{option}: '{text}' is before 1970";
            return false;
        }
        ns = (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        return true;
    }

    public static string Format(long ns) =>
        DateTime.UnixEpoch.AddTicks(ns / 100).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
