using System.Text;
using Halyard.Core.Model;
using Halyard.Hyperliquid.Parsing;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Hyperliquid.Tests.Parsing;

public class InstrumentProviderTests
{
    private static HyperliquidInstrumentProvider Provider(HyperliquidInstrumentConfig? config = null) =>
        new((type, _) => ValueTask.FromResult<ReadOnlyMemory<byte>>(type == "metaAndAssetCtxs"
            ? Fixture.Bytes("info_metaAndAssetCtxs.response.json")
            : Encoding.UTF8.GetBytes(SpotMetaJson)), config, nowNs: () => 42);

    internal const string SpotMetaJson = """
        {"tokens":[{"name":"USDC","szDecimals":8,"weiDecimals":8,"index":0,"tokenId":"0x6d1e7cde53ba9467b783cb7c530ce054","isCanonical":true},
                   {"name":"PURR","szDecimals":0,"weiDecimals":5,"index":1,"tokenId":"0xc1fb593aeffbeb02f85e0308e9956a90","isCanonical":true},
                   {"name":"HFUN","szDecimals":2,"weiDecimals":8,"index":2,"tokenId":"0xbaf265ef389da684513d98d68edf4eae","isCanonical":false}],
         "universe":[{"name":"PURR/USDC","tokens":[1,0],"index":0,"isCanonical":true},
                     {"name":"@1","tokens":[2,0],"index":1,"isCanonical":false}]}
        """;

    [Fact]
    public async Task Btc_perpetual_gets_precisions_increments_leverage_and_base_fees_from_meta()
    {
        var provider = Provider();
        await provider.LoadAsync(TestContext.Current.CancellationToken);

        var btc = (CryptoPerpetual)provider.Market(InstrumentId.Perpetual("BTC")).Instrument;
        btc.Id.ToString().ShouldBe("BTC-USD-PERP.HYPERLIQUID");
        btc.RawSymbol.ShouldBe("BTC");
        btc.SizePrecision.ShouldBe((byte)5);
        btc.PricePrecision.ShouldBe((byte)1);
        btc.PriceIncrement.ToString().ShouldBe("0.1");
        btc.SizeIncrement.ToString().ShouldBe("0.00001");
        btc.MaxSignificantFigures.ShouldBe(5);
        btc.MaxLeverage.ShouldBe(40);
        btc.MarginInit.ShouldBe(0.025m);
        btc.MarginMaint.ShouldBe(0.0125m);
        btc.MakerFee.ShouldBe(0.00015m);
        btc.TakerFee.ShouldBe(0.00045m);
        btc.MinNotional.ShouldBe(10m);
        btc.TsInit.ShouldBe(42);

        var atom = provider.Market(InstrumentId.Perpetual("ATOM")).Instrument;
        atom.PricePrecision.ShouldBe((byte)4);
        atom.SizeIncrement.ToString().ShouldBe("0.01");
    }

    [Fact]
    public async Task Coins_map_to_instrument_ids_and_asset_indexes_with_delisted_coins_keeping_their_slot()
    {
        var provider = Provider();
        MarketTable table = await provider.LoadAsync(TestContext.Current.CancellationToken);

        table.Markets.Count.ShouldBe(5);
        table.TryGetByCoin("ETH", out var eth).ShouldBeTrue();
        eth.AssetId.ShouldBe(1);
        table.TryGetByAsset(4, out var loom).ShouldBeTrue();
        loom.Coin.ShouldBe("LOOM");
        loom.IsDelisted.ShouldBeTrue();
        loom.OnlyIsolated.ShouldBeTrue();
        table.TryGetByCoin("SOL"u8, out var sol).ShouldBeTrue();
        sol.AssetId.ShouldBe(3);
        provider.InstrumentIdOf("SOL").ShouldBe(InstrumentId.Perpetual("SOL"));
        table.TryGetByCoin("DOGE", out _).ShouldBeFalse();
    }

    [Fact]
    public void Plain_meta_response_loads_the_same_universe_as_meta_and_asset_ctxs()
    {
        var provider = Provider();
        provider.Load(Fixture.Bytes("info_meta.response.json")).Markets.Select(m => m.Coin)
            .ShouldBe(["BTC", "ETH", "ATOM", "SOL", "LOOM"]);
    }

    [Fact]
    public async Task Configured_fees_replace_the_base_tier()
    {
        var provider = Provider(new HyperliquidInstrumentConfig { Fees = new InstrumentFees(0.0001m, 0.0003m) });
        await provider.LoadAsync(TestContext.Current.CancellationToken);
        provider.Instruments.ShouldAllBe(i => i.MakerFee == 0.0001m && i.TakerFee == 0.0003m);
    }

    [Fact]
    public async Task Spot_pairs_load_with_eight_decimal_price_rule_and_asset_ids_offset_by_ten_thousand()
    {
        var provider = Provider(new HyperliquidInstrumentConfig { LoadSpot = true });
        MarketTable table = await provider.LoadAsync(TestContext.Current.CancellationToken);

        table.TryGetByCoin("PURR/USDC", out var purr).ShouldBeTrue();
        purr.AssetId.ShouldBe(10_000);
        purr.IsSpot.ShouldBeTrue();
        purr.Instrument.Id.ToString().ShouldBe("PURR-USDC-SPOT.HYPERLIQUID");
        purr.Instrument.PricePrecision.ShouldBe((byte)8);
        purr.Instrument.SizePrecision.ShouldBe((byte)0);
        table.TryGetByCoin("@1", out var hfun).ShouldBeTrue();
        hfun.AssetId.ShouldBe(10_001);
        hfun.Instrument.PricePrecision.ShouldBe((byte)6);
        hfun.Instrument.BaseCurrency.Code.ShouldBe("HFUN");
    }

    [Fact]
    public async Task Scheduled_refresh_swaps_in_a_new_table()
    {
        int loads = 0;
        var clock = new FakeTimeProvider();
        var provider = new HyperliquidInstrumentProvider((_, _) =>
        {
            Interlocked.Increment(ref loads);
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(Fixture.Bytes("info_meta.response.json"));
        }, new HyperliquidInstrumentConfig { RefreshInterval = TimeSpan.FromSeconds(10) }, timeProvider: clock);
        var updated = new TaskCompletionSource<MarketTable>(TaskCreationOptions.RunContinuationsAsynchronously);
        await provider.LoadAsync(TestContext.Current.CancellationToken);
        MarketTable first = provider.Table;
        provider.Updated += t => updated.TrySetResult(t);
        provider.StartRefreshing();
        clock.Advance(TimeSpan.FromSeconds(10));
        MarketTable second = await updated.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        second.ShouldNotBeSameAs(first);
        provider.Table.ShouldBeSameAs(second);
        loads.ShouldBe(2);
        await provider.DisposeAsync();
    }

    [Fact]
    public void Malformed_meta_names_the_field_at_fault()
    {
        var provider = Provider();
        Should.Throw<FormatException>(() => provider.Load("""{"universe":[{"name":"BTC","maxLeverage":40}]}"""u8))
            .Message.ShouldContain("universe[0].szDecimals");
    }
}
