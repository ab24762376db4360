using System.Globalization;

namespace Halyard.Cli.Hosting;

/// <summary>Durations as people write them: "500ms", "10s", "5m", "1h", or a TimeSpan ("00:01:00").</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string s = text.Trim();
        (string unit, double scaleMs) = s.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? ("ms", 1d)
            : s.EndsWith('s') || s.EndsWith('S') ? ("s", 1_000d)
            : s.EndsWith('m') || s.EndsWith('M') ? ("m", 60_000d)
            : s.EndsWith('h') || s.EndsWith('H') ? ("h", 3_600_000d)
            : ("", 0d);
        if (unit.Length == 0)
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        if (!double.TryParse(s.AsSpan(0, s.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            || value < 0 || value * scaleMs > TimeSpan.MaxValue.TotalMilliseconds)
            return false;
        duration = TimeSpan.FromMilliseconds(value * scaleMs);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming <paramref name="field"/>.</summary>
    public static TimeSpan Parse(string? text, string field) =>
        TryParse(text, out TimeSpan d) ? d : throw new FormatException($"{field} must be a duration such as 500ms, 10s, 5m, 1h or 00:01:00 (got '{text}')");

    public static string Format(TimeSpan d) =>
        d.TotalHours >= 1 && d.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)d.TotalHours}h"
        : d.TotalMinutes >= 1 && d.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)d.TotalMinutes}m"
        : d.Ticks % TimeSpan.TicksPerSecond == 0 ? $"{(long)d.TotalSeconds}s"
        : $"{d.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms";
}
