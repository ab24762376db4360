using System.Text.Json;
using Halyard.Core.Matching;
using Halyard.Core.Model;

namespace Halyard.Simulator.Json;

/// <summary>Order objects: the basic shape (openOrders, orderUpdates) and the frontend shape (frontendOpenOrders, orderStatus).</summary>
internal static class OrderJson
{
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "B" : "A";

    /// <summary><c>{"coin","side","limitPx","sz","oid","timestamp","origSz", opt "cloid", opt "reduceOnly"}</c>.</summary>
    public static void WriteBasic(Utf8JsonWriter w, in OpenOrder order)
    {
        w.WriteStartObject();
        WriteCommon(w, order);
        if (order.Cloid is not null) w.WriteString("cloid"u8, order.Cloid);
        if (order.ReduceOnly) w.WriteBoolean("reduceOnly"u8, true);
        w.WriteEndObject();
    }

    /// <summary>The frontend shape adding trigger fields, children, orderType and tif.</summary>
    public static void WriteFrontend(Utf8JsonWriter w, in OpenOrder order)
    {
        w.WriteStartObject();
        WriteCommon(w, order);
        w.WriteString("triggerCondition"u8, TriggerCondition(order));
        w.WriteBoolean("isTrigger"u8, order.Trigger.HasValue);
        w.WriteString("triggerPx"u8, order.Trigger is { } t ? WireText.Raw(t.TriggerPxRaw) : "0.0");
        w.WriteStartArray("children"u8);
        w.WriteEndArray();
        w.WriteBoolean("isPositionTpsl"u8, false);
        w.WriteBoolean("reduceOnly"u8, order.ReduceOnly);
        w.WriteString("orderType"u8, OrderType(order));
        if (order.Trigger.HasValue) w.WriteNull("tif"u8);
        else w.WriteString("tif"u8, Tif(order.Tif));
        if (order.Cloid is null) w.WriteNull("cloid"u8);
        else w.WriteString("cloid"u8, order.Cloid);
        w.WriteEndObject();
    }

    public static string Tif(MatchingTif tif) => tif switch
    {
        MatchingTif.Ioc => "Ioc",
        MatchingTif.Alo => "Alo",
        _ => "Gtc",
    };

    public static string OrderType(in OpenOrder order) => order.Trigger switch
    {
        null => "Limit",
        { Kind: TpSl.Sl, IsMarket: true } => "Stop Market",
        { Kind: TpSl.Sl } => "Stop Limit",
        { IsMarket: true } => "Take Profit Market",
        _ => "Take Profit Limit",
    };

    /// <summary>"Price above 10.004" / "Price below 9.995" / "N/A".</summary>
    public static string TriggerCondition(in OpenOrder order)
    {
        if (order.Trigger is not { } trigger) return "N/A";
        // A stop sells below (buys above); a take-profit sells above (buys below).
        bool above = (trigger.Kind == TpSl.Sl) == (order.Side == OrderSide.Buy);
        return $"Price {(above ? "above" : "below")} {WireText.Raw(trigger.TriggerPxRaw)}";
    }

    private static void WriteCommon(Utf8JsonWriter w, in OpenOrder order)
    {
        w.WriteString("coin"u8, order.Coin);
        w.WriteString("side"u8, Side(order.Side));
        w.WriteString("limitPx"u8, WireText.Raw(order.PxRaw));
        w.WriteString("sz"u8, WireText.Raw(order.SzRaw));
        w.WriteNumber("oid"u8, order.Oid);
        w.WriteNumber("timestamp"u8, order.TimestampNs / 1_000_000);
        w.WriteString("origSz"u8, WireText.Raw(order.OrigSzRaw));
    }
}
