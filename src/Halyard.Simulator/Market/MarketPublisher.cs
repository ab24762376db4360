using System.Text.Json;
using Halyard.Core.Matching;
using Halyard.Core.Model;
using Halyard.Simulator.Json;
using Halyard.Simulator.Venue;
using Halyard.Simulator.Ws;

namespace Halyard.Simulator.Market;

/// <summary>
/// Turns what the exchange did into WebSocket frames for the topics someone listens to. Called under the
/// exchange's gate, so frames go out in the order things happened; each frame is serialised once per topic.
/// </summary>
internal sealed class MarketPublisher
{
    private readonly SubscriptionHub _hub;
    private readonly Dictionary<string, (MatchingBookLevel? Bid, MatchingBookLevel? Ask)> _lastBbo = new(StringComparer.Ordinal);
    private SimulatedExchange? _exchange;

    public MarketPublisher(SubscriptionHub hub) => _hub = hub;

    private SimulatedExchange Exchange => _exchange ?? throw new InvalidOperationException("publisher not attached");

    public void Attach(SimulatedExchange exchange) => _exchange = exchange;

    public void OrderUpdates(List<OrderRecord> records)
    {
        foreach (var user in records.Select(r => r.Order.Account).Distinct())
        {
            string topic = "orderUpdates|" + user;
            if (!_hub.HasListeners(topic)) continue;
            var mine = records.Where(r => r.Order.Account == user).ToList();
            Send(topic, WsFrames.Build("orderUpdates", mine, static (w, list) =>
            {
                w.WriteStartArray();
                foreach (var record in list) WriteOrderUpdate(w, record);
                w.WriteEndArray();
            }));
        }
    }

    public void UserFills(List<UserFill> fills)
    {
        foreach (var user in fills.Select(f => f.User).Distinct())
        {
            var mine = fills.Where(f => f.User == user).ToList();
            if (_hub.HasListeners("userFills|" + user))
                Send("userFills|" + user, UserFillsFrame(user, mine, isSnapshot: false));
            if (_hub.HasListeners("userEvents|" + user))
                Send("userEvents|" + user, WsFrames.Build("user", mine, static (w, list) =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("fills"u8);
                    FillJson.WriteArray(w, list);
                    w.WriteEndObject();
                }));
        }
    }

    public void NonUserCancels(List<(string User, string Coin, long Oid)> cancels)
    {
        foreach (var user in cancels.Select(c => c.User).Distinct())
        {
            if (!_hub.HasListeners("userEvents|" + user)) continue;
            var mine = cancels.Where(c => c.User == user).ToList();
            Send("userEvents|" + user, WsFrames.Build("user", mine, static (w, list) =>
            {
                w.WriteStartObject();
                w.WriteStartArray("nonUserCancel"u8);
                foreach (var (_, coin, oid) in list)
                {
                    w.WriteStartObject();
                    w.WriteString("coin"u8, coin);
                    w.WriteNumber("oid"u8, oid);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
    }

    public void UserFunding(string user, UserFunding funding)
    {
        if (_hub.HasListeners("userFundings|" + user))
            Send("userFundings|" + user, UserFundingsFrame(user, [funding], isSnapshot: false));
        if (_hub.HasListeners("userEvents|" + user))
            Send("userEvents|" + user, WsFrames.Build("user", funding, static (w, f) =>
            {
                w.WriteStartObject();
                w.WritePropertyName("funding"u8);
                MarketJson.WriteFunding(w, f);
                w.WriteEndObject();
            }));
    }

    public void Liquidation(Liquidation liquidation)
    {
        if (!_hub.HasListeners("userEvents|" + liquidation.Account)) return;
        Send("userEvents|" + liquidation.Account, WsFrames.Build("user", liquidation, static (w, l) =>
        {
            w.WriteStartObject();
            w.WriteStartObject("liquidation"u8);
            w.WriteNumber("lid"u8, l.TsNs / 1_000_000);
            w.WriteString("liquidator"u8, SimulatedExchange.MakerAccount);
            w.WriteString("liquidated_user"u8, l.Account);
            w.WriteString("liquidated_ntl_pos"u8, WireText.Rounded(l.LiquidatedNtlPos, 6));
            w.WriteString("liquidated_account_value"u8, WireText.Rounded(l.AccountValue, 6));
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    public void Trades(List<TradeRecord> trades)
    {
        foreach (var coin in trades.Select(t => t.Coin).Distinct())
        {
            string topic = "trades|" + coin;
            if (!_hub.HasListeners(topic)) continue;
            var mine = trades.Where(t => t.Coin == coin).ToList();
            Send(topic, WsFrames.Build("trades", mine, static (w, list) =>
            {
                w.WriteStartArray();
                foreach (var trade in list) MarketJson.WriteTrade(w, trade);
                w.WriteEndArray();
            }));
        }
    }

    public void Candles(List<Candle> candles)
    {
        foreach (var candle in candles.Distinct())
        {
            string topic = $"candle|{candle.Coin}|{candle.Interval}";
            if (_hub.HasListeners(topic)) Send(topic, WsFrames.Build("candle", candle, MarketJson.WriteCandle));
        }
    }

    /// <summary>The per-tick market pushes: l2Book (full snapshot), bbo (only when changed), activeAssetCtx, allMids.</summary>
    public void MarketTick()
    {
        var exchange = Exchange;
        long now = exchange.NowMs();
        foreach (var coin in exchange.Coins)
        {
            string name = coin.Name;
            var book = exchange.Engine.GetBook(name);
            var listeners = _hub.Listeners("l2Book|" + name);
            if (!listeners.IsEmpty)
            {
                var frames = new Dictionary<(int?, int?), byte[]>();
                foreach (var listener in listeners)
                {
                    var variant = (listener.Subscription.NSigFigs, listener.Subscription.Mantissa);
                    if (!frames.TryGetValue(variant, out var frame))
                        frames[variant] = frame = L2Frame(name, now, book, variant.NSigFigs, variant.Mantissa);
                    listener.Connection.Enqueue(frame);
                }
            }
            var bbo = (BookJson.Best(book, OrderSide.Buy), BookJson.Best(book, OrderSide.Sell));
            if (!_lastBbo.TryGetValue(name, out var last) || last != bbo)
            {
                _lastBbo[name] = bbo;
                if (_hub.HasListeners("bbo|" + name)) Send("bbo|" + name, BboFrame(name, now, bbo.Item1, bbo.Item2));
            }
            if (_hub.HasListeners("activeAssetCtx|" + name)) Send("activeAssetCtx|" + name, AssetCtxFrame(name));
        }
        if (_hub.HasListeners("allMids")) Send("allMids", AllMidsFrame());
    }

    /// <summary>What a new subscriber gets right after the ack; call without holding the gate.</summary>
    public List<byte[]> InitialFrames(Subscription subscription)
    {
        var exchange = Exchange;
        var frames = new List<byte[]>();
        lock (exchange.Gate)
        {
            long now = exchange.NowMs();
            switch (subscription.Type)
            {
                case "l2Book":
                    frames.Add(L2Frame(subscription.Coin!, now, exchange.Engine.GetBook(subscription.Coin!), subscription.NSigFigs, subscription.Mantissa));
                    break;
                case "bbo":
                    var book = exchange.Engine.GetBook(subscription.Coin!);
                    frames.Add(BboFrame(subscription.Coin!, now, BookJson.Best(book, OrderSide.Buy), BookJson.Best(book, OrderSide.Sell)));
                    break;
                case "allMids":
                    frames.Add(AllMidsFrame());
                    break;
                case "activeAssetCtx":
                    frames.Add(AssetCtxFrame(subscription.Coin!));
                    break;
                case "userFills":
                    frames.Add(UserFillsFrame(subscription.User!, exchange.FillsOf(subscription.User!, 2000), isSnapshot: true));
                    break;
                case "userFundings":
                    frames.Add(UserFundingsFrame(subscription.User!, exchange.FundingsOf(subscription.User!, 0, long.MaxValue), isSnapshot: true));
                    break;
            }
        }
        return frames;
    }

    public static void WriteOrderUpdate(Utf8JsonWriter w, OrderRecord record)
    {
        w.WriteStartObject();
        w.WritePropertyName("order"u8);
        OrderJson.WriteBasic(w, record.Order);
        w.WriteString("status"u8, record.Status);
        w.WriteNumber("statusTimestamp"u8, record.StatusTimestampMs);
        w.WriteEndObject();
    }

    private static byte[] L2Frame(string coin, long now, MatchingBook book, int? nSigFigs, int? mantissa) =>
        WsFrames.Build("l2Book", (coin, now, book, nSigFigs, mantissa), static (w, s) =>
            BookJson.WriteSnapshot(w, s.coin, s.now, s.book, s.nSigFigs, s.mantissa));

    private static byte[] BboFrame(string coin, long now, MatchingBookLevel? bid, MatchingBookLevel? ask) =>
        WsFrames.Build("bbo", (coin, now, bid, ask), static (w, s) => BookJson.WriteBbo(w, s.coin, s.now, s.bid, s.ask));

    private byte[] AssetCtxFrame(string coin) =>
        WsFrames.Build("activeAssetCtx", (coin, ctx: Exchange.ContextOf(coin)), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("coin"u8, s.coin);
            w.WritePropertyName("ctx"u8);
            MarketJson.WriteAssetCtx(w, s.ctx);
            w.WriteEndObject();
        });

    private byte[] AllMidsFrame() =>
        WsFrames.Build("allMids", Exchange, static (w, exchange) =>
        {
            w.WriteStartObject();
            w.WriteStartObject("mids"u8);
            foreach (var coin in exchange.Coins) w.WriteString(coin.Name, WireText.Decimal(exchange.Mid(coin.Name)));
            w.WriteEndObject();
            w.WriteEndObject();
        });

    private static byte[] UserFillsFrame(string user, List<UserFill> fills, bool isSnapshot) =>
        WsFrames.Build("userFills", (user, fills, isSnapshot), static (w, s) =>
        {
            w.WriteStartObject();
            if (s.isSnapshot) w.WriteBoolean("isSnapshot"u8, true);
            w.WriteString("user"u8, s.user);
            w.WritePropertyName("fills"u8);
            FillJson.WriteArray(w, s.fills);
            w.WriteEndObject();
        });

    private static byte[] UserFundingsFrame(string user, List<UserFunding> fundings, bool isSnapshot) =>
        WsFrames.Build("userFundings", (user, fundings, isSnapshot), static (w, s) =>
        {
            w.WriteStartObject();
            if (s.isSnapshot) w.WriteBoolean("isSnapshot"u8, true);
            w.WriteString("user"u8, s.user);
            w.WriteStartArray("fundings"u8);
            foreach (var funding in s.fundings) MarketJson.WriteFunding(w, funding);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private void Send(string topic, byte[] frame)
    {
        foreach (var listener in _hub.Listeners(topic)) listener.Connection.Enqueue(frame);
    }
}
