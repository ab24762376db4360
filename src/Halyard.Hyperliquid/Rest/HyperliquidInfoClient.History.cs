using Halyard.Hyperliquid.Wire.Requests;
using Halyard.Hyperliquid.Wire.Responses;

namespace Halyard.Hyperliquid.Rest;

public sealed partial class HyperliquidInfoClient
{
    /// <summary>
    /// Fills between two times (inclusive), in time order, paging past the per-answer cap by re-asking from the last
    /// returned time; the overlap at page edges is removed by (tid, oid). Stops at <see cref="HyperliquidRestOptions.MaxPages"/>.
    /// </summary>
    public async Task<ApiResult<IReadOnlyList<UserFill>>> GetUserFillsByTimeAsync(string user, long startTime, long? endTime = null,
        bool aggregateByTime = false, CancellationToken ct = default)
    {
        var seen = new HashSet<(long Tid, long Oid)>();
        var all = new List<UserFill>();
        long from = startTime;
        for (int page = 0; page < Options.MaxPages; page++)
        {
            var result = await PostAsync("userFillsByTime", InfoRequestBody.UserFillsByTime(user, from, endTime, aggregateByTime), Json.IReadOnlyListUserFill, ct)
                .ConfigureAwait(false);
            if (!result.IsSuccess) return PageFailure<UserFill>(result.Error, page, all.Count);
            int added = 0;
            long latest = from;
            foreach (var fill in result.Value)
            {
                latest = Math.Max(latest, fill.Time);
                if (seen.Add((fill.Tid, fill.Oid))) { all.Add(fill); added++; }
            }
            // The venue includes startTime, so the last page's final millisecond comes back: stop when nothing is new.
            if (added == 0 || result.Value.Count < 2000 || (endTime is { } end && latest >= end)) break;
            from = latest;
        }
        all.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Tid.CompareTo(b.Tid));
        return ApiResult<IReadOnlyList<UserFill>>.Success(all);
    }

    /// <summary>Candles from <paramref name="startTime"/> to <paramref name="endTime"/> (ms), paging by open time; only the latest 5000 exist.</summary>
    public async Task<ApiResult<IReadOnlyList<Candle>>> GetCandlesAsync(string coin, string interval, long startTime, long endTime, CancellationToken ct = default)
    {
        var all = new List<Candle>();
        long from = startTime;
        for (int page = 0; page < Options.MaxPages && from <= endTime; page++)
        {
            var result = await PostAsync("candleSnapshot", InfoRequestBody.CandleSnapshot(coin, interval, from, endTime), Json.IReadOnlyListCandle, ct)
                .ConfigureAwait(false);
            if (!result.IsSuccess) return PageFailure<Candle>(result.Error, page, all.Count);
            var fresh = result.Value.Where(c => c.OpenTime >= from).ToList();
            if (fresh.Count == 0) break;
            all.AddRange(fresh);
            from = fresh.Max(c => c.OpenTime) + 1;
        }
        all.Sort((a, b) => a.OpenTime.CompareTo(b.OpenTime));
        return ApiResult<IReadOnlyList<Candle>>.Success(all);
    }

    /// <summary>Funding rates of <paramref name="coin"/> from <paramref name="startTime"/> (ms), paging by time.</summary>
    public async Task<ApiResult<IReadOnlyList<FundingRateEntry>>> GetFundingHistoryAsync(string coin, long startTime, long? endTime = null, CancellationToken ct = default)
    {
        var all = new List<FundingRateEntry>();
        long from = startTime;
        for (int page = 0; page < Options.MaxPages && (endTime is null || from <= endTime); page++)
        {
            var result = await PostAsync("fundingHistory", InfoRequestBody.FundingHistory(coin, from, endTime), Json.IReadOnlyListFundingRateEntry, ct)
                .ConfigureAwait(false);
            if (!result.IsSuccess) return PageFailure<FundingRateEntry>(result.Error, page, all.Count);
            var fresh = result.Value.Where(f => f.Time >= from).ToList();
            if (fresh.Count == 0) break;
            all.AddRange(fresh);
            from = fresh.Max(f => f.Time) + 1;
        }
        all.Sort((a, b) => a.Time.CompareTo(b.Time));
        return ApiResult<IReadOnlyList<FundingRateEntry>>.Success(all);
    }

    /// <summary>Funding paid or received by <paramref name="user"/> from <paramref name="startTime"/> (ms), paging by time.</summary>
    public async Task<ApiResult<IReadOnlyList<UserFundingEntry>>> GetUserFundingAsync(string user, long startTime, long? endTime = null, CancellationToken ct = default)
    {
        var all = new List<UserFundingEntry>();
        var seen = new HashSet<(long, string)>();
        long from = startTime;
        for (int page = 0; page < Options.MaxPages && (endTime is null || from <= endTime); page++)
        {
            var result = await PostAsync("userFunding", InfoRequestBody.UserFunding(user, from, endTime), Json.IReadOnlyListUserFundingEntry, ct)
                .ConfigureAwait(false);
            if (!result.IsSuccess) return PageFailure<UserFundingEntry>(result.Error, page, all.Count);
            var fresh = result.Value.Where(f => f.Time >= from && seen.Add((f.Time, f.Delta.Coin))).ToList();
            if (fresh.Count == 0) break;
            all.AddRange(fresh);
            from = fresh.Max(f => f.Time) + 1;
        }
        all.Sort((a, b) => a.Time.CompareTo(b.Time));
        return ApiResult<IReadOnlyList<UserFundingEntry>>.Success(all);
    }

    private static ApiResult<IReadOnlyList<T>> PageFailure<T>(ApiError error, int page, int collected) =>
        ApiResult<IReadOnlyList<T>>.Failure(error with { Message = $"page {page + 1} failed after {collected} items: {error.Message}" });
}
