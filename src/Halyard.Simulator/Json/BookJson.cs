using System.Text.Json;
using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Simulator.Json;

/// <summary>
/// L2 snapshots <c>{"coin","time","levels":[bids, asks]}</c>, best first, at most 20 levels a side, optionally
/// aggregated to nSigFigs significant figures (bids rounded down, asks up, as the exchange buckets them).
/// </summary>
internal static class BookJson
{
    public const int Depth = 20;
    private const int ScanLevels = 400;
    [ThreadStatic] private static MatchingBookLevel[]? t_levels;

    public static void WriteSnapshot(Utf8JsonWriter w, string coin, long timeMs, MatchingBook book, int? nSigFigs = null, int? mantissa = null)
    {
        w.WriteStartObject();
        w.WriteString("coin"u8, coin);
        w.WriteNumber("time"u8, timeMs);
        w.WriteStartArray("levels"u8);
        WriteSide(w, book, OrderSide.Buy, nSigFigs, mantissa);
        WriteSide(w, book, OrderSide.Sell, nSigFigs, mantissa);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>{"coin","time","bbo":[bid|null, ask|null]}</c>.</summary>
    public static void WriteBbo(Utf8JsonWriter w, string coin, long timeMs, MatchingBookLevel? bid, MatchingBookLevel? ask)
    {
        w.WriteStartObject();
        w.WriteString("coin"u8, coin);
        w.WriteNumber("time"u8, timeMs);
        w.WriteStartArray("bbo"u8);
        WriteLevelOrNull(w, bid);
        WriteLevelOrNull(w, ask);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The best level of a side, or null when the side is empty.</summary>
    public static MatchingBookLevel? Best(MatchingBook book, OrderSide side)
    {
        Span<MatchingBookLevel> one = stackalloc MatchingBookLevel[1];
        return book.CopyLevels(side, one) > 0 ? one[0] : null;
    }

    private static void WriteSide(Utf8JsonWriter w, MatchingBook book, OrderSide side, int? nSigFigs, int? mantissa)
    {
        var levels = t_levels ??= new MatchingBookLevel[ScanLevels];
        int count = book.CopyLevels(side, nSigFigs is null ? levels.AsSpan(0, Depth) : levels);
        w.WriteStartArray();
        if (nSigFigs is not int sigFigs)
        {
            for (int i = 0; i < count; i++) WriteLevel(w, levels[i]);
        }
        else
        {
            int written = 0;
            long bucket = 0, size = 0;
            int orders = 0;
            for (int i = 0; i < count && written < Depth; i++)
            {
                long px = Bucket(levels[i].PxRaw, sigFigs, mantissa, roundUp: side == OrderSide.Sell);
                if (orders > 0 && px != bucket)
                {
                    WriteLevel(w, new MatchingBookLevel(bucket, size, orders));
                    written++;
                    size = 0;
                    orders = 0;
                }
                bucket = px;
                size += levels[i].SzRaw;
                orders += levels[i].Count;
            }
            if (orders > 0 && written < Depth) WriteLevel(w, new MatchingBookLevel(bucket, size, orders));
        }
        w.WriteEndArray();
    }

    /// <summary>Rounds a raw price to <paramref name="sigFigs"/> significant figures (never finer than the raw value).</summary>
    private static long Bucket(long pxRaw, int sigFigs, int? mantissa, bool roundUp)
    {
        int digits = 0;
        for (long v = pxRaw; v > 0; v /= 10) digits++;
        int dropped = digits - sigFigs;
        if (dropped <= 0) return pxRaw;
        long step = 1;
        for (int i = 0; i < dropped; i++) step *= 10;
        if (mantissa is 2 or 5) step *= mantissa.Value;
        long down = pxRaw / step * step;
        return roundUp && down != pxRaw ? down + step : down;
    }

    private static void WriteLevelOrNull(Utf8JsonWriter w, MatchingBookLevel? level)
    {
        if (level is { } l) WriteLevel(w, l);
        else w.WriteNullValue();
    }

    private static void WriteLevel(Utf8JsonWriter w, in MatchingBookLevel level)
    {
        w.WriteStartObject();
        w.WriteString("px"u8, WireText.Raw(level.PxRaw));
        w.WriteString("sz"u8, WireText.Raw(level.SzRaw));
        w.WriteNumber("n"u8, level.Count);
        w.WriteEndObject();
    }
}
