using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Parsing;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Wire.Push;
using Halyard.Hyperliquid.Wire.Responses;
using Halyard.Hyperliquid.Ws;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Execution;

public sealed partial class HyperliquidExecutionClient
{
    private bool _initialFillsSnapshotSeen;
    private long _malformedFrames;

    /// <summary>Frames of the user streams that could not be parsed (logged, skipped).</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);

    /// <summary>Socket receive loop: every user-stream frame goes through the tracker.</summary>
    private void OnFrame(WsChannel channel, ReadOnlySpan<byte> frame)
    {
        switch (channel)
        {
            case WsChannel.OrderUpdates:
                var updates = VenueMessages.ParseOrderUpdates(frame);
                if (!updates.IsSuccess) { Malformed(channel, updates.Error); return; }
                foreach (OrderUpdate update in updates.Value) _tracker.OnOrderUpdate(VenueMessages.ToUpdate(update));
                break;
            case WsChannel.UserFills:
                var fills = VenueMessages.ParseUserFills(frame);
                if (!fills.IsSuccess) { Malformed(channel, fills.Error); return; }
                OnFills(fills.Value.Fills, fills.Value.IsSnapshot);
                break;
            case WsChannel.User:
                var userEvent = VenueMessages.ParseUserEvent(frame);
                if (!userEvent.IsSuccess) { Malformed(channel, userEvent.Error); return; }
                if (userEvent.Value.Fills is { } eventFills) OnFills(eventFills, snapshot: false);
                break;
            case WsChannel.AllMids:
                var mids = WireJson.ParsePushData(frame, HyperliquidJsonContext.Default.WsPushAllMidsPush);
                if (mids.IsSuccess && mids.Value.Mids is { } values)
                    foreach (var (coin, mid) in values) _mids[coin] = mid;
                break;
            case WsChannel.Error:
                _log.LogWarning("Venue WS error: {Frame}", System.Text.Encoding.UTF8.GetString(frame));
                break;
        }
    }

    private void OnFills(IReadOnlyList<UserFill> fills, bool snapshot)
    {
        if (snapshot && !_initialFillsSnapshotSeen)
        {
            // History before this session: reconciliation at start owns it, so it is only marked as seen here.
            _initialFillsSnapshotSeen = true;
            foreach (UserFill f in fills) _tracker.MarkSeen(f.Tid, (ulong)f.Oid, f.Time);
            return;
        }
        foreach (UserFill f in fills)
            if (_tracker.OnFill(VenueMessages.ToFill(f), snapshot) is { } correction) Correct(correction);
    }

    private void Malformed(WsChannel channel, ApiError error)
    {
        Interlocked.Increment(ref _malformedFrames);
        _log.LogWarning("Malformed {Channel} frame skipped: {Error}", channel, error.Message);
    }

    private void OnDisconnected(string reason) => _log.LogWarning("Execution WS lost ({Reason}); reconnecting", reason);

    /// <summary>Updates and fills sent while the socket was down are not replayed by the venue: reconcile over REST.</summary>
    private void OnReconnected(WsReconnected gap)
    {
        _metrics?.Reconnects.Add(1);
        _log.LogInformation("Execution WS back after {Gap} ({Reason}); reconciling", gap.Gap, gap.Reason);
        if (_config.ReconciliationEnabled) _ = ReconcileNowAsync("reconnect");
    }
}
