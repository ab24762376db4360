using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Halyard.Cli.Hosting;

/// <summary>
/// Listens to every System.Diagnostics.Metrics instrument of the meters whose name starts with "Halyard" and keeps
/// running totals to render as Prometheus text (exposition format 0.0.4). Counters become <c>_total</c> series,
/// histograms get fixed microsecond buckets, observable gauges are read at render time. Recording is lock-free for
/// untagged measurements (the adapter's hot paths), so listening does not slow the feed.
/// </summary>
public sealed class PrometheusCollector : IDisposable
{
    /// <summary>Upper bounds of the latency buckets in the instrument's unit (µs for our latency histograms): 10 µs … 1 s.</summary>
    private static readonly double[] Buckets = [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> _series = new();
    private readonly Func<string, bool> _meterFilter;

    public PrometheusCollector(Func<string, bool>? meterFilter = null)
    {
        _meterFilter = meterFilter ?? (name => name.StartsWith("Halyard", StringComparison.Ordinal));
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!_meterFilter(instrument.Meter.Name)) return;
            Series series = _series.GetOrAdd(instrument, i => new Series(i));
            listener.EnableMeasurementEvents(instrument, series);
        };
        _listener.MeasurementsCompleted = (instrument, _) => _series.TryRemove(instrument, out Series? _);
        _listener.SetMeasurementEventCallback<long>((i, v, tags, state) => ((Series)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, state) => ((Series)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, state) => ((Series)state!).Record(v, tags));
        _listener.Start();
    }

    /// <summary>The current total of a counter (summed over tags), e.g. "halyard.feed.messages"; 0 when unknown.</summary>
    public double CounterTotal(string instrumentName) =>
        _series.Values.Where(s => s.Instrument.Name == instrumentName).Sum(s => s.Total());

    /// <summary>All series as Prometheus text.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _series.Values.GroupBy(s => MetricName(s.Instrument)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Series first = group.First();
            string kind = first.IsHistogram ? "histogram" : first.IsCounter ? "counter" : "gauge";
            string name = first.IsCounter && !group.Key.EndsWith("_total", StringComparison.Ordinal) ? group.Key + "_total" : group.Key;
            if (first.Instrument.Description is { Length: > 0 } help) text.Append("# HELP ").Append(first.IsCounter ? group.Key : name).Append(' ').Append(Escape(help)).Append('\n');
            text.Append("# TYPE ").Append(first.IsCounter ? group.Key : name).Append(' ').Append(kind).Append('\n');
            foreach (Series s in group) s.Render(text, name);
        }
        return text.ToString();
    }

    /// <summary>"halyard.feed.latency" with unit "us" → "halyard_feed_latency_us".</summary>
    internal static string MetricName(Instrument instrument)
    {
        var name = new StringBuilder(instrument.Name.Length + 4);
        foreach (char c in instrument.Name) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        if (instrument.Unit is { Length: > 0 } unit && !instrument.Name.EndsWith(unit, StringComparison.Ordinal))
        {
            name.Append('_');
            foreach (char c in unit) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        return name.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Number(double v) =>
        double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : v.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => _listener.Dispose();

    /// <summary>One instrument's values: an untagged cell (lock-free) and a cell per distinct tag set.</summary>
    private sealed class Series(Instrument instrument)
    {
        private readonly Cell _untagged = new(Buckets.Length);
        private readonly ConcurrentDictionary<string, Cell> _tagged = new(StringComparer.Ordinal);

        public Instrument Instrument { get; } = instrument;
        public bool IsHistogram => Instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
        public bool IsCounter => Instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)
            || Instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal);
        private bool IsGauge => !IsHistogram && !IsCounter && !Instrument.GetType().Name.Contains("UpDown", StringComparison.Ordinal);

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            Cell cell = tags.IsEmpty ? _untagged : _tagged.GetOrAdd(Labels(tags), _ => new Cell(Buckets.Length));
            if (IsHistogram) cell.Observe(value);
            else if (IsGauge || Instrument.IsObservable) cell.Set(value); // observable counters report their running total
            else cell.Add(value);
        }

        public double Total() => _untagged.Value + _tagged.Values.Sum(c => c.Value);

        public void Render(StringBuilder text, string name)
        {
            if (_untagged.Touched || _tagged.IsEmpty) RenderCell(text, name, "", _untagged);
            foreach (var (labels, cell) in _tagged.OrderBy(kv => kv.Key, StringComparer.Ordinal)) RenderCell(text, name, labels, cell);
        }

        private void RenderCell(StringBuilder text, string name, string labels, Cell cell)
        {
            if (!IsHistogram)
            {
                text.Append(name).Append(labels.Length == 0 ? "" : $"{{{labels}}}").Append(' ').Append(Number(cell.Value)).Append('\n');
                return;
            }
            string sep = labels.Length == 0 ? "" : labels + ",";
            long cumulative = 0;
            for (int i = 0; i <= Buckets.Length; i++)
            {
                cumulative += Interlocked.Read(ref cell.Counts[i]);
                string le = i < Buckets.Length ? Number(Buckets[i]) : "+Inf";
                text.Append(name).Append("_bucket{").Append(sep).Append("le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
            }
            text.Append(name).Append("_sum").Append(labels.Length == 0 ? "" : $"{{{labels}}}").Append(' ').Append(Number(cell.Value)).Append('\n');
            text.Append(name).Append("_count").Append(labels.Length == 0 ? "" : $"{{{labels}}}").Append(' ').Append(cumulative).Append('\n');
        }

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var parts = new List<string>(tags.Length);
            foreach (var (key, value) in tags)
            {
                string k = new(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
                string v = Convert.ToString(value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) ?? "";
                parts.Add($"{k}=\"{v}\"");
            }
            parts.Sort(StringComparer.Ordinal);
            return string.Join(',', parts);
        }
    }

    /// <summary>A counter/gauge value, or a histogram's sum and bucket counts (the last bucket is +Inf).</summary>
    private sealed class Cell(int buckets)
    {
        private double _value;
        public readonly long[] Counts = new long[buckets + 1];
        public bool Touched;

        public double Value => Volatile.Read(ref _value);

        public void Add(double v)
        {
            Touched = true;
            double seen, next;
            do
            {
                seen = Volatile.Read(ref _value);
                next = seen + v;
            }
            while (Interlocked.CompareExchange(ref _value, next, seen) != seen);
        }

        public void Set(double v)
        {
            Touched = true;
            Volatile.Write(ref _value, v);
        }

        public void Observe(double v)
        {
            int i = Array.BinarySearch(Buckets, v);
            if (i < 0) i = ~i; // first bound ≥ v
            Interlocked.Increment(ref Counts[i]);
            Add(v);
        }
    }
}
