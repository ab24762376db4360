using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Wire.Responses;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Execution;

public sealed partial class HyperliquidExecutionClient
{
    /// <summary>Fills this much older than the newest one seen are asked for again (venue clocks and ordering slack).</summary>
    private const long FillOverlapMs = 5_000;

    /// <summary>
    /// The venue's truth: open orders (<c>frontendOpenOrders</c>), fills since <paramref name="sinceNs"/>
    /// (<c>userFillsByTime</c>) and positions (<c>clearinghouseState</c>), all of the owner. Fills of orders this
    /// session placed also go through the tracker, so the live stream does not repeat them later.
    /// </summary>
    public async Task<ExecutionMassStatus> GenerateMassStatusAsync(long? sinceNs, CancellationToken ct)
    {
        if (!_connected && _exchange is null) throw new InvalidOperationException("the Hyperliquid execution client is not connected");
        long sinceMs = sinceNs is long ns ? Math.Max(0, ns / 1_000_000) : 0;
        var openTask = _info.GetFrontendOpenOrdersAsync(_owner, ct: ct);
        var fillsTask = _info.GetUserFillsByTimeAsync(_owner, sinceMs, ct: ct);
        var stateTask = _info.GetClearinghouseStateAsync(_owner, ct: ct);
        var open = await openTask.ConfigureAwait(false);
        var fills = await fillsTask.ConfigureAwait(false);
        var state = await stateTask.ConfigureAwait(false);
        if (!open.IsSuccess) throw new InvalidOperationException($"reconciliation: frontendOpenOrders failed: {open.Error}");
        if (!fills.IsSuccess) throw new InvalidOperationException($"reconciliation: userFillsByTime failed: {fills.Error}");
        if (!state.IsSuccess) throw new InvalidOperationException($"reconciliation: clearinghouseState failed: {state.Error}");

        long now = _clock.UtcNowNs;
        var fillReports = new List<FillReport>(fills.Value.Count);
        foreach (UserFill fill in fills.Value)
        {
            VenueFill venueFill = VenueMessages.ToFill(fill);
            if (!IsTracked(venueFill)) _tracker.MarkSeen(venueFill.Tid, venueFill.Oid, venueFill.TimeMs); // the engine gets it from the report below
            else if (_tracker.OnFill(venueFill, fromSnapshot: true) is { } correction) Correct(correction);
            if (_tracker.ToFillReport(venueFill) is { } report) fillReports.Add(report);
        }
        var orderReports = new List<OrderStatusReport>(open.Value.Count);
        foreach (FrontendOpenOrder order in open.Value)
            if (_tracker.ToReport(VenueMessages.ToUpdate(order, state.Value.Time)) is { } report) orderReports.Add(report with { TsInit = now });

        _inbox.Post(AccountStateMapper.From(AccountId, state.Value, now));
        return new ExecutionMassStatus(ClientId, AccountId, Venue, orderReports, fillReports, PositionReports(state.Value, now), now);
    }

    private bool IsTracked(VenueFill fill) =>
        (fill.Cloid is { } cloid && ClientOrderId.IsCloidHex(cloid) && _tracker.Find(ClientOrderId.FromCloidHex(cloid)) is not null)
        || _tracker.FindByOid(fill.Oid) is not null;

    private List<PositionStatusReport> PositionReports(ClearinghouseState state, long now)
    {
        var reports = new List<PositionStatusReport>(state.AssetPositions.Count);
        foreach (AssetPosition asset in state.AssetPositions)
        {
            PerpPosition p = asset.Position;
            if (!_instruments.Table.TryGetByCoin(p.Coin, out HyperliquidMarket market)) continue;
            reports.Add(new PositionStatusReport(AccountId, market.InstrumentId, p.Szi, p.Szi == 0m ? null : p.EntryPx, state.Time * 1_000_000, now));
        }
        return reports;
    }

    private long _reconciliationsPosted;

    /// <summary>Mass statuses this client posted on its own (after reconnects and periodically).</summary>
    public long ReconciliationsPosted => Interlocked.Read(ref _reconciliationsPosted);

    /// <summary>Builds the mass status off the kernel thread and posts it; the kernel reconciles when it arrives.</summary>
    private async Task ReconcileNowAsync(string why)
    {
        if (Interlocked.Exchange(ref _reconciling, 1) == 1) return;
        try
        {
            long lastFillMs = _tracker.LastFillTimeMs;
            long sinceNs = (lastFillMs > 0 ? lastFillMs - FillOverlapMs : NowMs - (long)TimeSpan.FromDays(1).TotalMilliseconds) * 1_000_000;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            ExecutionMassStatus mass = await GenerateMassStatusAsync(sinceNs, timeout.Token).ConfigureAwait(false);
            _inbox.Post(mass);
            Interlocked.Increment(ref _reconciliationsPosted);
            _log.LogInformation("Reconciliation ({Why}): {Orders} open orders, {Fills} fills, {Positions} positions posted",
                why, mass.OrderReports.Count, mass.FillReports.Count, mass.PositionReports.Count);
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.LogWarning(ex, "Reconciliation ({Why}) failed; the next one will retry", why);
        }
        finally
        {
            Volatile.Write(ref _reconciling, 0);
        }
    }

    private async Task PostAccountStateAsync(CancellationToken ct)
    {
        var state = await _info.GetClearinghouseStateAsync(_owner, ct: ct).ConfigureAwait(false);
        if (!state.IsSuccess) throw new InvalidOperationException($"reading the account ({_owner}) failed: {state.Error}");
        _inbox.Post(AccountStateMapper.From(AccountId, state.Value, _clock.UtcNowNs));
    }

    /// <summary>Reconciles every <see cref="HyperliquidExecClientConfig.ReconciliationInterval"/> while connected.</summary>
    private async Task PeriodicReconciliationAsync()
    {
        using var timer = new PeriodicTimer(_config.ReconciliationInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(Stopping).ConfigureAwait(false)) await ReconcileNowAsync("periodic").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
