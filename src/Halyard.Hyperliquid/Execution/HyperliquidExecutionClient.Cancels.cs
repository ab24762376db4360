using System.Globalization;
using Halyard.Core.Execution;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Responses;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Execution;

public sealed partial class HyperliquidExecutionClient
{
    public void Cancel(CancelOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.CancelManyAsync(s.Cancels), (Client: this, Cancels: new[] { command }), preferLocal: false);
    }

    public void CancelAll(CancelAllOrders command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Cancels.Count == 0) return;
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.CancelManyAsync(s.Cancels), (Client: this, Cancels: command.Cancels), preferLocal: false);
    }

    public void BatchCancel(BatchCancelOrders command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.CancelManyAsync(s.Cancels), (Client: this, Cancels: command.Cancels), preferLocal: false);
    }

    /// <summary>
    /// Pool thread: orders we placed are canceled by cloid (it follows the order through modifies); orders from
    /// elsewhere by venue order id. One request per kind.
    /// </summary>
    private async Task CancelManyAsync(IReadOnlyList<CancelOrder> cancels)
    {
        var byCloid = new List<(CancelOrder Command, TrackedOrder? Order, CancelByCloidWire Wire)>();
        var byOid = new List<(CancelOrder Command, TrackedOrder? Order, CancelWire Wire)>();
        foreach (CancelOrder cancel in cancels)
        {
            if (!_instruments.Table.TryGetByInstrument(cancel.InstrumentId, out HyperliquidMarket market))
            {
                RejectCancel(cancel, null, $"instrument {cancel.InstrumentId} is not listed by the venue");
                continue;
            }
            TrackedOrder? order = _tracker.Find(cancel.ClientOrderId);
            if (order is null && cancel.VenueOrderId is { } venueId && ulong.TryParse(venueId.Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong oid))
                byOid.Add((cancel, null, new CancelWire(market.AssetId, oid)));
            else
                byCloid.Add((cancel, order, new CancelByCloidWire(market.AssetId, Cloid.Parse(order?.Cloid ?? cancel.ClientOrderId.ToCloidHex()))));
        }
        try
        {
            if (byCloid.Count > 0)
            {
                var result = await _exchange!.CancelByCloidAsync(new CancelByCloidAction(byCloid.Select(c => c.Wire).ToList()), Stopping).ConfigureAwait(false);
                ApplyCancelAnswers(byCloid.Select(c => (c.Command, c.Order)).ToList(), result);
            }
            if (byOid.Count > 0)
            {
                var result = await _exchange!.CancelAsync(new CancelAction(byOid.Select(c => c.Wire).ToList()), Stopping).ConfigureAwait(false);
                ApplyCancelAnswers(byOid.Select(c => (c.Command, c.Order)).ToList(), result);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _log.LogError(ex, "Canceling {Count} orders failed unexpectedly", cancels.Count);
            foreach (CancelOrder cancel in cancels) RejectCancel(cancel, _tracker.Find(cancel.ClientOrderId), $"internal error: {ex.Message}");
        }
    }

    /// <summary>Cancels one venue order of ours by oid (an over-fill correction).</summary>
    private async Task CancelAsync(TrackedOrder order, ulong oid)
    {
        try
        {
            var result = await _exchange!.CancelAsync(new CancelAction([new CancelWire(order.Market.AssetId, oid)]), Stopping).ConfigureAwait(false);
            if (!result.IsSuccess || result.Value.Count == 0 || result.Value[0].Kind != ExchangeStatusKind.Success)
                _log.LogWarning("Cancel of oid {Oid} ({ClientOrderId}) not confirmed: {Result}", oid, order.ClientOrderId, result);
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
        }
    }

    private void ApplyCancelAnswers(List<(CancelOrder Command, TrackedOrder? Order)> cancels, ApiResult<IReadOnlyList<ExchangeStatus>> result)
    {
        long ts = _clock.UtcNowNs;
        for (int i = 0; i < cancels.Count; i++)
        {
            var (command, order) = cancels[i];
            string? error = !result.IsSuccess ? result.Error.Message
                : i >= result.Value.Count ? $"the venue answered {result.Value.Count} statuses for {cancels.Count} cancels"
                : result.Value[i].Kind == ExchangeStatusKind.Success ? null
                : result.Value[i].Error ?? result.Value[i].RawText ?? "cancel refused";
            if (order is not null)
            {
                _tracker.OnCancelResponse(order, error, ts);
                continue;
            }
            if (error is not null)
            {
                RejectCancel(command, null, error);
                continue;
            }
            // An order from before a restart (or placed elsewhere): the tracker does not know it, so say it here.
            Emit(new OrderCanceled(command.TraderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId, AccountId,
                Guid.NewGuid(), ts, _clock.UtcNowNs));
        }
    }

    private void RejectCancel(CancelOrder command, TrackedOrder? order, string reason)
    {
        if (order is not null)
        {
            _tracker.OnCancelResponse(order, reason, _clock.UtcNowNs);
            return;
        }
        Emit(new OrderCancelRejected(command.TraderId, command.StrategyId, command.InstrumentId, command.ClientOrderId, command.VenueOrderId, AccountId,
            reason, Guid.NewGuid(), _clock.UtcNowNs, _clock.UtcNowNs));
    }

    /// <summary>Kernel thread: asks <c>orderStatus</c> off-thread; the answer is posted as an <see cref="OrderStatusReport"/>.</summary>
    public void Query(QueryOrder command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThreadPool.UnsafeQueueUserWorkItem(static s => _ = s.Client.QueryAsync(s.Command), (Client: this, Command: command), preferLocal: false);
    }

    private async Task QueryAsync(QueryOrder command)
    {
        try
        {
            bool byOid = _tracker.Find(command.ClientOrderId) is null && command.VenueOrderId is { } v
                && ulong.TryParse(v.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            var status = byOid
                ? await _info.GetOrderStatusAsync(_owner, long.Parse(command.VenueOrderId!.Value.Value, CultureInfo.InvariantCulture), Stopping).ConfigureAwait(false)
                : await _info.GetOrderStatusAsync(_owner, command.ClientOrderId.ToCloidHex(), Stopping).ConfigureAwait(false);
            if (!status.IsSuccess)
            {
                _log.LogWarning("Query of {ClientOrderId} failed: {Error}", command.ClientOrderId, status.Error);
                return;
            }
            if (status.Value.Order is not { } detail)
            {
                _log.LogWarning("Query of {ClientOrderId}: the venue does not know the order", command.ClientOrderId);
                return;
            }
            var update = VenueMessages.ToUpdate(detail.Order, detail.StatusTimestamp) with { Status = detail.Status };
            if (_tracker.ToReport(update) is { } report) _inbox.Post(report);
        }
        catch (Exception ex) when (ex is OperationCanceledException && Stopping.IsCancellationRequested)
        {
        }
    }
}
