using System.Globalization;

namespace Halyard.Core.Model;

/// <summary>
/// Makes unique client order ids for one strategy: <c>O-{yyyyMMdd-HHmmss}-{traderTag}-{strategyTag}-{count}</c>,
/// e.g. <c>O-20261124-103000-001-001-1</c>. The timestamp comes from the kernel clock, so ids are
/// deterministic in a backtest; the counter keeps ids distinct within one second.
/// </summary>
public sealed class ClientOrderIdGenerator
{
    private readonly string _traderTag;
    private readonly string _strategyTag;
    private readonly Func<long> _clockNs;

    public ClientOrderIdGenerator(TraderId traderId, StrategyId strategyId, Func<long> clockNs, int initialCount = 0)
    {
        ArgumentNullException.ThrowIfNull(clockNs);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCount);
        _traderTag = traderId.Tag;
        _strategyTag = strategyId.Tag;
        _clockNs = clockNs;
        Count = initialCount;
    }

    /// <summary>How many ids were generated (or the count restored from a cache after a restart).</summary>
    public int Count { get; private set; }

    /// <summary>Restores the counter, e.g. from the cache after a restart, so no id is reused.</summary>
    public void SetCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
    }

    public ClientOrderId Generate()
    {
        Count++;
        DateTime utc = DateTime.UnixEpoch.AddTicks(_clockNs() / 100);
        string stamp = utc.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"O-{stamp}-{_traderTag}-{_strategyTag}-{Count}"));
    }
}
