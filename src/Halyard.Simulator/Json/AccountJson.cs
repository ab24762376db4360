using System.Text.Json;
using Halyard.Core.Matching;

namespace Halyard.Simulator.Json;

/// <summary>clearinghouseState: positions (cross leverage), margin summaries, withdrawable, time.</summary>
internal static class AccountJson
{
    public static void WriteClearinghouseState(Utf8JsonWriter w, MarginAccountSnapshot account, long timeMs)
    {
        w.WriteStartObject();
        WriteSummary(w, "marginSummary"u8, account);
        WriteSummary(w, "crossMarginSummary"u8, account);
        w.WriteString("crossMaintenanceMarginUsed"u8, WireText.Rounded(account.MaintenanceMarginUsed, 6));
        w.WriteString("withdrawable"u8, WireText.Rounded(account.Withdrawable, 6));
        w.WriteStartArray("assetPositions"u8);
        foreach (var position in account.Positions)
        {
            if (position.SziRaw == 0) continue;
            w.WriteStartObject();
            w.WriteString("type"u8, "oneWay");
            w.WriteStartObject("position"u8);
            w.WriteString("coin"u8, position.Coin);
            w.WriteString("szi"u8, WireText.Decimal(position.Szi));
            w.WriteStartObject("leverage"u8);
            w.WriteString("type"u8, "cross");
            w.WriteNumber("value"u8, position.Leverage);
            w.WriteEndObject();
            w.WriteString("entryPx"u8, WireText.Rounded(position.EntryPx, 8));
            w.WriteString("positionValue"u8, WireText.Rounded(position.PositionValue, 6));
            w.WriteString("unrealizedPnl"u8, WireText.Rounded(position.UnrealizedPnl, 6));
            w.WriteString("returnOnEquity"u8, WireText.Rounded(position.ReturnOnEquity, 8));
            if (position.LiquidationPx is { } liquidation) w.WriteString("liquidationPx"u8, WireText.Rounded(liquidation, 8));
            else w.WriteNull("liquidationPx"u8);
            w.WriteString("marginUsed"u8, WireText.Rounded(position.MarginUsed, 6));
            w.WriteNumber("maxLeverage"u8, position.MaxLeverage);
            w.WriteStartObject("cumFunding"u8);
            w.WriteString("allTime"u8, WireText.Rounded(position.CumFundingAllTime, 6));
            w.WriteString("sinceOpen"u8, WireText.Rounded(position.CumFundingSinceOpen, 6));
            w.WriteString("sinceChange"u8, WireText.Rounded(position.CumFundingSinceChange, 6));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("time"u8, timeMs);
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, ReadOnlySpan<byte> name, MarginAccountSnapshot account)
    {
        w.WriteStartObject(name);
        w.WriteString("accountValue"u8, WireText.Rounded(account.AccountValue, 6));
        w.WriteString("totalNtlPos"u8, WireText.Rounded(account.TotalNtlPos, 6));
        w.WriteString("totalRawUsd"u8, WireText.Rounded(account.TotalRawUsd, 6));
        w.WriteString("totalMarginUsed"u8, WireText.Rounded(account.TotalMarginUsed, 6));
        w.WriteEndObject();
    }
}
