using System.Threading.Channels;
using Halyard.Core.Model;

namespace Halyard.Core.Messaging;

/// <summary>
/// The one queue into the kernel: data clients, execution clients and the live clock post from any
/// thread; the kernel reads on its single thread. Unbounded so a burst never blocks a socket reader.
/// </summary>
public sealed class KernelInbox
{
    private readonly Channel<KernelMessage> _channel = Channel.CreateUnbounded<KernelMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    public ChannelReader<KernelMessage> Reader => _channel.Reader;

    /// <summary>False once the inbox is completed (the node is stopping).</summary>
    public bool Post(in KernelMessage message) => _channel.Writer.TryWrite(message);
    public bool Post(in QuoteTick quote) => _channel.Writer.TryWrite(KernelMessage.Of(quote));
    public bool Post(in TradeTick trade) => _channel.Writer.TryWrite(KernelMessage.Of(trade));
    public bool Post(in MarkPriceUpdate markPrice) => _channel.Writer.TryWrite(KernelMessage.Of(markPrice));
    public bool Post(in TimeEventHandler time) => _channel.Writer.TryWrite(KernelMessage.Of(time));

    /// <summary>Posts a reference-type message (book deltas, bars, instruments, order events, reports).</summary>
    public bool Post(object message) => _channel.Writer.TryWrite(KernelMessage.Of(message));

    /// <summary>Runs <paramref name="action"/> on the kernel thread; how other threads touch kernel state.</summary>
    public bool Post(Action action) => _channel.Writer.TryWrite(KernelMessage.Of((object)action));

    /// <summary>Messages waiting (for metrics and tests).</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Stops accepting messages; the reader drains what is left and then ends.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
