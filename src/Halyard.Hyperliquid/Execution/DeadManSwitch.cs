using Halyard.Core.Messaging;
using Halyard.Hyperliquid.Rest;
using Halyard.Hyperliquid.Wire;
using Halyard.Hyperliquid.Ws;
using Microsoft.Extensions.Logging;

namespace Halyard.Hyperliquid.Execution;

/// <summary>
/// Keeps the venue's <c>scheduleCancel</c> armed <see cref="Window"/> ahead while the node is healthy, so a process
/// that dies, hangs or loses the network has its open orders canceled by the exchange. Healthy means the user
/// socket is connected (or was lost less than one refresh ago) and the kernel processed the last heartbeat posted
/// into its inbox; otherwise the refresh stops and the schedule runs out. A graceful stop disarms it.
/// </summary>
public sealed class DeadManSwitch : IAsyncDisposable
{
    private readonly HyperliquidExchangeClient _exchange;
    private readonly KernelInbox _inbox;
    private readonly Func<WsConnectionState> _socketState;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _kernelBeatTicks;
    private long _socketDownSinceTicks;
    private long _armedUntilMs;
    private long _refreshes;
    private string? _unhealthy;

    public DeadManSwitch(HyperliquidExchangeClient exchange, KernelInbox inbox, Func<WsConnectionState> socketState, TimeSpan window, TimeSpan refresh,
        ILogger logger, TimeProvider? time = null)
    {
        _exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _socketState = socketState ?? throw new ArgumentNullException(nameof(socketState));
        _log = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        if (window < TimeSpan.FromSeconds(5)) throw new ArgumentOutOfRangeException(nameof(window), window, "must be at least 5 s");
        if (refresh <= TimeSpan.Zero || refresh * 2 > window) throw new ArgumentOutOfRangeException(nameof(refresh), refresh, "must be positive and at most half the window");
        Window = window;
        Refresh = refresh;
    }

    public TimeSpan Window { get; }
    public TimeSpan Refresh { get; }

    /// <summary>When the venue cancels everything unless refreshed (ms since epoch); 0 when not armed.</summary>
    public long ArmedUntilMs => Interlocked.Read(ref _armedUntilMs);

    /// <summary>Successful arms so far.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>Why the last refresh was skipped; null while healthy.</summary>
    public string? UnhealthyReason => Volatile.Read(ref _unhealthy);

    /// <summary>Arms the switch now (a refusal fails the start) and starts refreshing it.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _kernelBeatTicks, _time.GetTimestamp());
        await ArmAsync(ct, throwOnFailure: true).ConfigureAwait(false);
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Refresh, _time);
        try
        {
            while (true)
            {
                PostHeartbeat();
                if (!await timer.WaitForNextTickAsync(ct).ConfigureAwait(false)) return;
                string? problem = HealthProblem();
                if (problem is not null)
                {
                    if (Interlocked.Exchange(ref _unhealthy, problem) is null)
                        _log.LogWarning("Dead man's switch not refreshed: {Problem}; the venue cancels open orders at {At:O}",
                            problem, DateTimeOffset.FromUnixTimeMilliseconds(ArmedUntilMs));
                    continue;
                }
                if (Interlocked.Exchange(ref _unhealthy, null) is { } was) _log.LogInformation("Dead man's switch healthy again (was: {Problem})", was);
                await ArmAsync(ct, throwOnFailure: false).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The kernel proves it is alive by running this action; a stalled kernel leaves the beat old.</summary>
    private void PostHeartbeat() => _inbox.Post(() => Interlocked.Exchange(ref _kernelBeatTicks, _time.GetTimestamp()));

    private string? HealthProblem()
    {
        long now = _time.GetTimestamp();
        if (_socketState() == WsConnectionState.Connected) Interlocked.Exchange(ref _socketDownSinceTicks, 0);
        else if (Interlocked.CompareExchange(ref _socketDownSinceTicks, now, 0) is long since && since != 0 && _time.GetElapsedTime(since, now) > Refresh)
            return $"the user socket has been down for {_time.GetElapsedTime(since, now).TotalSeconds:0.0} s";
        TimeSpan sinceBeat = _time.GetElapsedTime(Interlocked.Read(ref _kernelBeatTicks), now);
        if (sinceBeat > Refresh * 1.5) return $"the kernel has not processed its inbox for {sinceBeat.TotalSeconds:0.0} s";
        return null;
    }

    private async Task ArmAsync(CancellationToken ct, bool throwOnFailure)
    {
        long until = _time.GetUtcNow().Add(Window).ToUnixTimeMilliseconds();
        var result = await _exchange.ScheduleCancelAsync(new ScheduleCancelAction((ulong)until), ct).ConfigureAwait(false);
        string? error = !result.IsSuccess ? result.Error.ToString() : result.Value.IsOk ? null : result.Value.Error ?? "refused";
        if (error is null)
        {
            Interlocked.Exchange(ref _armedUntilMs, until);
            Interlocked.Increment(ref _refreshes);
            return;
        }
        if (throwOnFailure) throw new InvalidOperationException($"arming the dead man's switch (scheduleCancel) failed: {error}");
        _log.LogWarning("Dead man's switch refresh failed: {Error}", error);
    }

    /// <summary>Stops refreshing; with <paramref name="disarm"/> also clears the schedule so open orders stay.</summary>
    public async Task StopAsync(bool disarm, CancellationToken ct)
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        if (!disarm || ArmedUntilMs == 0) return;
        var result = await _exchange.ScheduleCancelAsync(new ScheduleCancelAction(), ct).ConfigureAwait(false);
        if (result.IsSuccess && result.Value.IsOk) Interlocked.Exchange(ref _armedUntilMs, 0);
        else _log.LogWarning("Dead man's switch not disarmed: {Result}", result);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(disarm: false, CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
    }
}
