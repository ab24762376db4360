using Halyard.Core.Cache;
using Halyard.Core.Data;
using Halyard.Core.Execution;
using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Risk;
using Halyard.Core.Strategies;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Core.Node;

/// <summary>
/// The single-threaded heart of a node: bus, cache, clock and engines, fed one message at a time.
/// Live, <see cref="RunAsync"/> reads the <see cref="Inbox"/> that clients and the live clock post to;
/// in a backtest the driver calls <see cref="Process(in KernelMessage)"/> itself with a <see cref="TestClock"/>.
/// </summary>
public sealed partial class TradingKernel
{
    private readonly ILogger _log;

    /// <param name="traderId">Stamped on every order and event of this node.</param>
    /// <param name="clock">The kernel's clock; a <see cref="LiveClock"/> posting into this kernel's inbox when null.</param>
    /// <param name="cache">Where state lives; an <see cref="InMemoryCache"/> when null.</param>
    /// <param name="risk">Pre-trade limits; defaults when null.</param>
    /// <param name="timeProvider">Wall time for the default live clock (tests pass a fake one).</param>
    /// <param name="newId">Source of event and command ids; pass a seeded one for reproducible backtests.</param>
    /// <param name="riskManager">Protection, limits and kill switch; defaults (limits off, no automatic stops) when null.</param>
    /// <param name="riskStateStore">Where the kill switch's state survives a restart; in memory when null.</param>
    public TradingKernel(TraderId traderId, IClock? clock = null, ICache? cache = null, RiskEngineConfig? risk = null,
        ILoggerFactory? loggerFactory = null, Func<Guid>? newId = null, TimeProvider? timeProvider = null,
        RiskManagerConfig? riskManager = null, IRiskStateStore? riskStateStore = null)
    {
        TraderId = traderId;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _log = LoggerFactory.CreateLogger<TradingKernel>();
        NewId = newId ?? Guid.NewGuid;
        Inbox = new KernelInbox();
        Clock = clock ?? new LiveClock(Inbox, timeProvider);
        Cache = cache ?? new InMemoryCache();
        Bus = new MessageBus();
        Data = new DataEngine(Bus, Cache, LoggerFactory);
        Execution = new ExecutionEngine(traderId, Bus, Cache, Clock, NewId, LoggerFactory);
        Risk = new RiskEngine(risk ?? new RiskEngineConfig(), Execution, Bus, Cache, Clock, LoggerFactory, NewId);
        RiskManager = new RiskManager(riskManager ?? new RiskManagerConfig(), Risk, Bus, Cache, Clock, LoggerFactory, NewId, riskStateStore);
        Services = new KernelServices(traderId, Clock, Cache, Bus, LoggerFactory, NewId, RiskManager.Config);
    }

    public TraderId TraderId { get; }
    public Func<Guid> NewId { get; }
    public ExecutionEngine Execution { get; }
    public RiskEngine Risk { get; }
    /// <summary>Stops on every strategy's positions, limits, kill switch.</summary>
    public RiskManager RiskManager { get; }
    /// <summary>What strategies and other actors registered with this kernel get.</summary>
    public KernelServices Services { get; }
    public IClock Clock { get; }
    public ICache Cache { get; }
    public MessageBus Bus { get; }
    public KernelInbox Inbox { get; }
    public DataEngine Data { get; }
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Messages processed so far.</summary>
    public long ProcessedCount { get; private set; }

    /// <summary>Messages whose handling threw (each logged once).</summary>
    public long ErrorCount { get; private set; }

    /// <summary>
    /// Handles one message on the calling thread, which must be the kernel thread. A handler that throws
    /// is logged with the message and the kernel carries on with the next one.
    /// </summary>
    public void Process(in KernelMessage message)
    {
        ProcessedCount++;
        try
        {
            switch (message.Kind)
            {
                case KernelMessageKind.Quote: Data.Process(message.Quote); break;
                case KernelMessageKind.Trade: Data.Process(message.Trade); break;
                case KernelMessageKind.MarkPrice: Data.Process(message.MarkPrice); break;
                case KernelMessageKind.Time: message.Time.Invoke(); break;
                case KernelMessageKind.Object: ProcessObject(message.Object!); break;
                default: break;
            }
        }
        catch (Exception ex)
        {
            ErrorCount++;
            _log.LogError(ex, "Error while processing {Message}", message.ToString());
        }
    }

    /// <summary>A quote straight to the data engine (backtests, benchmarks): no inbox message built around it.</summary>
    public void Process(in QuoteTick quote)
    {
        ProcessedCount++;
        try
        {
            Data.Process(in quote);
        }
        catch (Exception ex)
        {
            ErrorCount++;
            _log.LogError(ex, "Error while processing {Message}", quote.ToString());
        }
    }

    public void Process(in TradeTick trade) => Process(KernelMessage.Of(trade));
    public void Process(object message) => Process(KernelMessage.Of(message));

    private void ProcessObject(object message)
    {
        if (Data.TryProcess(message)) return;
        if (message is Action action)
        {
            action();
            return;
        }
        if (TryProcessExecution(message)) return;
        _log.LogWarning("Unknown message type {Type} dropped: {Message}", message.GetType().Name, message);
    }

    /// <summary>Processes everything queued in the inbox now; returns how many messages there were (tests, backtests).</summary>
    public int DrainInbox()
    {
        int n = 0;
        while (Inbox.Reader.TryRead(out KernelMessage message))
        {
            Process(in message);
            n++;
        }
        return n;
    }

    /// <summary>The live loop: processes inbox messages one at a time until the inbox is completed or <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var reader = Inbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(ct).ConfigureAwait(false))
                while (reader.TryRead(out KernelMessage message)) Process(in message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>
    /// The live loop on a dedicated thread of its own (named "halyard-kernel"): every handler, strategy
    /// callback and timer runs on that one thread. Blocks only when the inbox is empty.
    /// </summary>
    /// <returns>A task that completes when the loop ends (inbox completed or <paramref name="ct"/> fired).</returns>
    public Task RunOnDedicatedThread(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                RunBlocking(ct);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = "halyard-kernel" };
        thread.Start();
        return done.Task;
    }

    private void RunBlocking(CancellationToken ct)
    {
        var reader = Inbox.Reader;
        try
        {
            while (true)
            {
                while (reader.TryRead(out KernelMessage message)) Process(in message);
                ValueTask<bool> wait = reader.WaitToReadAsync(ct);
                // This thread belongs to the kernel alone and has nothing else to do while the inbox is empty, so it parks
                // here instead of returning to a pool; a busy inbox never reaches the wait (TryRead drains it first).
                bool more = wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
                if (!more) return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Runs <paramref name="action"/> on the kernel thread and completes when it has run.</summary>
    public Task InvokeAsync(Action action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool posted = Inbox.Post(() =>
        {
            try
            {
                action();
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        });
        if (!posted) done.SetException(new InvalidOperationException("the kernel inbox is closed"));
        return done.Task;
    }
}
