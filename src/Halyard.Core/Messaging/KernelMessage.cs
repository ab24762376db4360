using Halyard.Core.Model;

namespace Halyard.Core.Messaging;

/// <summary>
/// One item of the kernel inbox. The frequent value-type messages (quotes, trades, mark prices, timer
/// events) travel in their own fields so handing them to the kernel never boxes; everything else is
/// a reference in <see cref="Object"/>.
/// </summary>
public readonly struct KernelMessage
{
    public KernelMessageKind Kind { get; }
    public QuoteTick Quote { get; }
    public TradeTick Trade { get; }
    public MarkPriceUpdate MarkPrice { get; }
    public TimeEventHandler Time { get; }
    public object? Object { get; }

    private KernelMessage(KernelMessageKind kind, in QuoteTick quote = default, in TradeTick trade = default,
        in MarkPriceUpdate markPrice = default, in TimeEventHandler time = default, object? obj = null)
    {
        Kind = kind;
        Quote = quote;
        Trade = trade;
        MarkPrice = markPrice;
        Time = time;
        Object = obj;
    }

    public static KernelMessage Of(in QuoteTick quote) => new(KernelMessageKind.Quote, quote: quote);
    public static KernelMessage Of(in TradeTick trade) => new(KernelMessageKind.Trade, trade: trade);
    public static KernelMessage Of(in MarkPriceUpdate markPrice) => new(KernelMessageKind.MarkPrice, markPrice: markPrice);
    public static KernelMessage Of(in TimeEventHandler time) => new(KernelMessageKind.Time, time: time);

    /// <summary>Wraps a reference-type message; value types other than the ones above are boxed here.</summary>
    public static KernelMessage Of(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message switch
        {
            QuoteTick q => Of(q),
            TradeTick t => Of(t),
            MarkPriceUpdate m => Of(m),
            TimeEventHandler h => Of(h),
            _ => new(KernelMessageKind.Object, obj: message),
        };
    }

    public override string ToString() => Kind switch
    {
        KernelMessageKind.Quote => Quote.ToString(),
        KernelMessageKind.Trade => Trade.ToString(),
        KernelMessageKind.MarkPrice => MarkPrice.ToString(),
        KernelMessageKind.Time => Time.Event.ToString(),
        KernelMessageKind.Object => Object?.ToString() ?? "null",
        _ => "none",
    };
}
