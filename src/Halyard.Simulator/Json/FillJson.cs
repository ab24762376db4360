using System.Text.Json;
using Halyard.Simulator.Venue;

namespace Halyard.Simulator.Json;

/// <summary>The exchange's fill object (WsFill), used by userFills, the user channel and the info API.</summary>
internal static class FillJson
{
    public static void Write(Utf8JsonWriter w, UserFill fill)
    {
        w.WriteStartObject();
        w.WriteString("coin"u8, fill.Coin);
        w.WriteString("px"u8, WireText.Decimal(fill.Px));
        w.WriteString("sz"u8, WireText.Decimal(fill.Sz));
        w.WriteString("side"u8, fill.IsBuy ? "B" : "A");
        w.WriteNumber("time"u8, fill.TimeMs);
        w.WriteString("startPosition"u8, WireText.Decimal(fill.StartPosition));
        w.WriteString("dir"u8, fill.Dir);
        w.WriteString("closedPnl"u8, WireText.Rounded(fill.ClosedPnl, 6));
        w.WriteString("hash"u8, fill.Hash);
        w.WriteNumber("oid"u8, fill.Oid);
        w.WriteBoolean("crossed"u8, fill.Crossed);
        w.WriteString("fee"u8, WireText.Rounded(fill.Fee, 6));
        w.WriteNumber("tid"u8, fill.Tid);
        if (fill.Cloid is not null) w.WriteString("cloid"u8, fill.Cloid);
        if (fill.LiquidationMarkPx is { } mark)
        {
            w.WriteStartObject("liquidation"u8);
            w.WriteString("liquidatedUser"u8, fill.User);
            w.WriteString("markPx"u8, WireText.Decimal(mark));
            w.WriteString("method"u8, "market");
            w.WriteEndObject();
        }
        w.WriteString("feeToken"u8, "USDC");
        w.WriteNull("twapId"u8);
        w.WriteEndObject();
    }

    public static void WriteArray(Utf8JsonWriter w, IEnumerable<UserFill> fills)
    {
        w.WriteStartArray();
        foreach (var fill in fills) Write(w, fill);
        w.WriteEndArray();
    }
}
