using Halyard.Core.Messaging;
using Halyard.Core.Model;

namespace Halyard.Core.Tests.Messaging;

public class MessageBusTests
{
    private static readonly InstrumentId Btc = InstrumentId.Perpetual("BTC");

    private static QuoteTick Quote(long bid) =>
        new(Btc, Price.FromRaw(bid, 1), Price.FromRaw(bid + 1, 1), Quantity.FromRaw(1, 3), Quantity.FromRaw(1, 3), 1, 1);

    [Fact]
    public void Subscribers_receive_published_messages_in_subscription_order()
    {
        var bus = new MessageBus();
        var seen = new List<string>();
        bus.Subscribe<QuoteTick>("data.quotes.BTC", q => seen.Add($"a{q.BidPrice.Raw}"));
        bus.Subscribe<QuoteTick>("data.quotes.BTC", q => seen.Add($"b{q.BidPrice.Raw}"));

        bus.Publish("data.quotes.BTC", Quote(7));

        seen.ShouldBe(["a7", "b7"]);
    }

    [Fact]
    public void Publishing_to_a_topic_nobody_listens_to_does_nothing()
    {
        var bus = new MessageBus();
        bus.Publish("nobody.here", 42);
        bus.HasSubscribers("nobody.here").ShouldBeFalse();
    }

    [Fact]
    public void Subscribing_the_same_handler_twice_delivers_once_and_unsubscribe_stops_delivery()
    {
        var bus = new MessageBus();
        int count = 0;
        Action<int> handler = _ => count++;
        bus.Subscribe("t", handler);
        bus.Subscribe("t", handler);
        bus.Publish("t", 1);
        bus.Unsubscribe("t", handler).ShouldBeTrue();
        bus.Publish("t", 2);

        count.ShouldBe(1);
        bus.Unsubscribe("t", handler).ShouldBeFalse();
    }

    [Fact]
    public void A_kept_topic_delivers_without_looking_up_the_name()
    {
        var bus = new MessageBus();
        Topic<int> topic = bus.GetTopic<int>("numbers");
        int sum = 0;
        bus.Subscribe<int>("numbers", n => sum += n);
        topic.Publish(3);
        topic.Publish(4);
        sum.ShouldBe(7);
        topic.SubscriberCount.ShouldBe(1);
    }

    [Fact]
    public void Wildcard_subscriptions_cover_existing_and_future_topics()
    {
        var bus = new MessageBus();
        Topic<int> before = bus.GetTopic<int>("data.quotes.BTC");
        var seen = new List<int>();
        bus.Subscribe<int>("data.quotes.*", seen.Add);
        Topic<int> after = bus.GetTopic<int>("data.quotes.ETH");
        Topic<int> other = bus.GetTopic<int>("data.trades.ETH");

        before.Publish(1);
        after.Publish(2);
        other.Publish(3);
        bus.Publish("data.quotes.SOL", 4); // a topic first named by the publisher

        seen.ShouldBe([1, 2, 4]);
    }

    [Fact]
    public void Unsubscribing_a_wildcard_removes_it_from_every_topic()
    {
        var bus = new MessageBus();
        int count = 0;
        Action<int> handler = _ => count++;
        bus.Subscribe("a.?", handler);
        bus.Publish("a.1", 0);
        bus.Unsubscribe("a.?", handler).ShouldBeTrue();
        bus.Publish("a.1", 0);
        bus.Publish("a.2", 0);
        count.ShouldBe(1);
    }

    [Fact]
    public void A_handler_of_a_base_type_receives_messages_of_a_derived_type()
    {
        var bus = new MessageBus();
        Topic<string> topic = bus.GetTopic<string>("names");
        var seen = new List<object>();
        bus.Subscribe<object>("names", seen.Add);
        topic.Publish("x");
        seen.ShouldBe(["x"]);
    }

    [Fact]
    public void A_topic_keeps_its_message_type()
    {
        var bus = new MessageBus();
        bus.GetTopic<int>("numbers");
        Should.Throw<InvalidOperationException>(() => bus.GetTopic<string>("numbers")).Message.ShouldContain("numbers");
        Should.Throw<InvalidOperationException>(() => bus.Subscribe<string>("numbers", _ => { }));
    }

    [Fact]
    public void A_handler_may_unsubscribe_itself_while_a_message_is_delivered()
    {
        var bus = new MessageBus();
        var seen = new List<string>();
        Action<int>? first = null;
        first = _ => { seen.Add("first"); bus.Unsubscribe("t", first!); };
        bus.Subscribe("t", first);
        bus.Subscribe<int>("t", _ => seen.Add("second"));
        bus.Publish("t", 1);
        bus.Publish("t", 2);
        seen.ShouldBe(["first", "second", "second"]);
    }

    [Fact]
    public void Send_reaches_the_endpoint_and_request_returns_its_answer()
    {
        var bus = new MessageBus();
        string? got = null;
        bus.RegisterEndpoint<string>("Engine.Execute", s => got = s);
        bus.RegisterEndpoint<int, int>("Doubler", n => n * 2);

        bus.Send("Engine.Execute", "go");
        got.ShouldBe("go");
        bus.Request<int, int>("Doubler", 21).ShouldBe(42);
        Should.Throw<InvalidOperationException>(() => bus.Send("Missing", 1)).Message.ShouldContain("Missing");
        Should.Throw<InvalidOperationException>(() => bus.RegisterEndpoint<string>("Engine.Execute", _ => { }));
    }

    [Theory]
    [InlineData("data.*", "data.quotes.BTC", true)]
    [InlineData("data.*.BTC", "data.quotes.BTC", true)]
    [InlineData("data.*.BTC", "data.quotes.ETH", false)]
    [InlineData("data.quote?.BTC", "data.quotes.BTC", true)]
    [InlineData("*", "", true)]
    [InlineData("a?c", "ac", false)]
    public void Patterns_match_like_globs(string pattern, string topic, bool matches) =>
        PatternSubscription.Glob(pattern, topic).ShouldBe(matches);
}
