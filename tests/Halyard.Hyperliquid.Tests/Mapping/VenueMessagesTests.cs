using Halyard.Hyperliquid.Mapping;
using Halyard.Hyperliquid.Wire;

namespace Halyard.Hyperliquid.Tests.Mapping;

public class VenueMessagesTests
{
    [Fact]
    public void Order_updates_frame_becomes_tracker_updates_with_cloid_and_status()
    {
        var updates = VenueMessages.ParseOrderUpdates(Fixture.Bytes("ws_orderUpdates.message.json")).Value.Select(VenueMessages.ToUpdate).ToList();
        updates[0].ShouldBe(new VenueOrderUpdate("ETH", 88383, "0x00000000000000000000000000000001", true, 3500.0m, 0.05m, 0.05m, "open", 1754450970000, 1754450970000));
        updates[1].Status.ShouldBe("filled");
        updates[1].Size.ShouldBe(0m);
    }

    [Fact]
    public void User_fills_snapshot_keeps_tid_oid_fee_and_liquidity()
    {
        var push = VenueMessages.ParseUserFills(Fixture.Bytes("ws_userFills.snapshot.message.json")).Value;
        push.IsSnapshot.ShouldBeTrue();
        VenueFill first = VenueMessages.ToFill(push.Fills[0]);
        first.Tid.ShouldBe(118906512030001);
        first.Oid.ShouldBe(88001UL);
        first.Fee.ShouldBe(0.0175m);
        first.Crossed.ShouldBeFalse();
        first.IsBuy.ShouldBeTrue();
        VenueMessages.ParseUserFills(Fixture.Bytes("ws_userFills.update.message.json")).Value.IsSnapshot.ShouldBeFalse();
    }

    [Fact]
    public void User_events_carry_fills_and_non_user_cancels()
    {
        VenueMessages.ParseUserEvent(Fixture.Bytes("ws_userEvents.fills.message.json")).Value.Fills.ShouldNotBeNull().ShouldNotBeEmpty();
        VenueMessages.ParseUserEvent(Fixture.Bytes("ws_userEvents.nonUserCancel.message.json")).Value.NonUserCancel.ShouldNotBeNull().ShouldNotBeEmpty();
    }

    [Fact]
    public void Exchange_statuses_map_to_resting_filled_error_and_waiting()
    {
        var response = WireJson.Parse(Fixture.Bytes("exchange_order.mixed_batch.response.json"), HyperliquidJsonContext.Default.ExchangeResponse).Value;
        var statuses = response.Statuses.Select(VenueMessages.ToStatus).ToList();
        statuses[0].ShouldBe(VenueOrderStatus.Resting(77738310));
        statuses[1].ShouldBe(VenueOrderStatus.Filled(77738311, 0.02m, 1891.4m));
        statuses[2].Kind.ShouldBe(VenueOrderStatusKind.Error);
        statuses[2].Error.ShouldNotBeNull().ShouldStartWith("Post only order would have immediately matched");
        statuses[3].Kind.ShouldBe(VenueOrderStatusKind.Waiting);
    }
}
