using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Halyard.IntegrationTests.Support;

/// <summary>
/// An independent witness of what the simulator publishes: its own WebSocket, raw JSON, none of Halyard's parsing.
/// Collects bbo, trades and l2Book frames of some coins.
/// </summary>
internal sealed class RawFeedObserver : IAsyncDisposable
{
    public sealed record Trade(string Coin, decimal Px, decimal Sz, bool BuyerAggressor, long TimeMs, long Tid);
    public sealed record Bbo(string Coin, long TimeMs, decimal BidPx, decimal BidSz, decimal AskPx, decimal AskSz);
    public sealed record Book(string Coin, long TimeMs, (decimal Px, decimal Sz)[] Bids, (decimal Px, decimal Sz)[] Asks);

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receive;
    private int _acks;

    public ConcurrentQueue<Trade> Trades { get; } = new();
    public ConcurrentQueue<Bbo> Quotes { get; } = new();
    public ConcurrentQueue<Book> Books { get; } = new();

    /// <summary>Connects and subscribes bbo, trades and l2Book of each coin; returns once every subscription is acknowledged.</summary>
    public static async Task<RawFeedObserver> StartAsync(string wsUrl, IEnumerable<string> coins, CancellationToken ct)
    {
        var observer = new RawFeedObserver();
        await observer._socket.ConnectAsync(new Uri(wsUrl), ct);
        observer._receive = observer.ReceiveAsync();
        int expected = 0;
        foreach (string coin in coins)
        {
            foreach (string type in (string[])["bbo", "trades", "l2Book"])
            {
                byte[] frame = Encoding.UTF8.GetBytes($$$"""{"method":"subscribe","subscription":{"type":"{{{type}}}","coin":"{{{coin}}}"}}""");
                await observer._socket.SendAsync(frame, WebSocketMessageType.Text, true, ct);
                expected++;
            }
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref observer._acks) < expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the observer got {observer._acks} of {expected} subscription acks");
            await Task.Delay(20, ct);
        }
        return observer;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                Handle(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // stopped
        }
    }

    private void Handle(byte[] frame)
    {
        using JsonDocument doc = JsonDocument.Parse(frame);
        if (!doc.RootElement.TryGetProperty("channel", out JsonElement channel)) return;
        JsonElement data = doc.RootElement.GetProperty("data");
        switch (channel.GetString())
        {
            case "subscriptionResponse":
                Interlocked.Increment(ref _acks);
                break;
            case "trades":
                foreach (JsonElement t in data.EnumerateArray())
                    Trades.Enqueue(new Trade(t.GetProperty("coin").GetString()!, Dec(t, "px"), Dec(t, "sz"), t.GetProperty("side").GetString() == "B",
                        t.GetProperty("time").GetInt64(), t.GetProperty("tid").GetInt64()));
                break;
            case "bbo":
                JsonElement levels = data.GetProperty("bbo");
                if (levels[0].ValueKind == JsonValueKind.Null || levels[1].ValueKind == JsonValueKind.Null) return;
                Quotes.Enqueue(new Bbo(data.GetProperty("coin").GetString()!, data.GetProperty("time").GetInt64(),
                    Dec(levels[0], "px"), Dec(levels[0], "sz"), Dec(levels[1], "px"), Dec(levels[1], "sz")));
                break;
            case "l2Book":
                JsonElement sides = data.GetProperty("levels");
                Books.Enqueue(new Book(data.GetProperty("coin").GetString()!, data.GetProperty("time").GetInt64(),
                    [.. sides[0].EnumerateArray().Select(l => (Dec(l, "px"), Dec(l, "sz")))],
                    [.. sides[1].EnumerateArray().Select(l => (Dec(l, "px"), Dec(l, "sz")))]));
                break;
        }
    }

    private static decimal Dec(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_receive is not null) await _receive;
        _socket.Dispose();
        _stop.Dispose();
    }
}
