using System.Text.Json;
using Halyard.Hyperliquid.Wire;
using Halyard.Simulator.Tests.Support;

namespace Halyard.Simulator.Tests.Http;

/// <summary>Every action is authenticated by recovering its signer; nonces, agents, vaults and expiry follow the exchange.</summary>
public sealed class AuthenticationTests
{
    private static string Error(JsonElement body)
    {
        body.GetProperty("status").GetString().ShouldBe("err", body.GetRawText());
        return body.GetProperty("response").GetString()!;
    }

    [Fact]
    public async Task An_unfunded_signer_gets_the_unknown_wallet_error_with_its_recovered_address()
    {
        await using var sim = await TestSimulator.StartAsync();
        var stranger = TestWallet.Create();
        var body = await sim.ActAsync(stranger.Sign(TestWallet.Limit(0, true, "90000", "0.001")));
        body.ShouldMatchFixture("exchange_error.toplevel.response.json");
        Error(body).ShouldBe($"User or API Wallet {stranger.Address} does not exist.");
    }

    [Fact]
    public async Task A_tampered_action_recovers_another_address_and_is_refused()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        string body = wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001"));
        string tampered = body.Replace("\"90000\"", "\"90010\"", StringComparison.Ordinal);
        tampered.ShouldNotBe(body);
        string error = Error(await sim.ActAsync(tampered));
        error.ShouldStartWith("User or API Wallet 0x");
        error.ShouldNotContain(wallet.Address);
    }

    [Fact]
    public async Task A_mainnet_signature_is_not_valid_on_a_testnet_simulator()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        var mainnetSigner = new Halyard.Hyperliquid.Signing.HyperliquidSigner(
            Halyard.Hyperliquid.Signing.PrivateKey.FromHex("0x" + new string('1', 64)), isMainnet: true);
        var action = TestWallet.Limit(0, true, "90000", "0.001");
        ulong nonce = TestWallet.NextNonce();
        var signature = mainnetSigner.SignL1(action, nonce).Signature;
        // Fund the mainnet key's address, then check its testnet-verified signature recovers someone else.
        await sim.PostAsync("/sim/fund", $$"""{"user":"{{mainnetSigner.Address}}","usdc":"1000"}""");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) ExchangeRequestJson.WriteL1(json, action, nonce, signature);
        Error(await sim.ActAsync(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan))).ShouldNotContain(mainnetSigner.Address);
    }

    [Fact]
    public async Task A_reused_nonce_is_rejected_and_so_is_one_outside_the_time_window()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        ulong nonce = TestWallet.NextNonce();
        (await sim.ActAsync(wallet.Sign(NoopAction.Instance, nonce))).GetProperty("status").GetString().ShouldBe("ok");
        Error(await sim.ActAsync(wallet.Sign(NoopAction.Instance, nonce))).ShouldContain("duplicate nonce");
        ulong threeDaysAgo = (ulong)DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        Error(await sim.ActAsync(wallet.Sign(NoopAction.Instance, threeDaysAgo))).ShouldContain("outside the allowed window");
        ulong twoDaysAhead = (ulong)DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeMilliseconds();
        Error(await sim.ActAsync(wallet.Sign(NoopAction.Instance, twoDaysAhead))).ShouldContain("outside the allowed window");
    }

    [Fact]
    public async Task Out_of_order_nonces_are_accepted_until_a_hundred_higher_ones_exist()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        ulong first = TestWallet.NextNonce();
        var nonces = Enumerable.Range(0, 101).Select(_ => TestWallet.NextNonce()).ToList();
        // An older nonce still goes through while fewer than 100 newer ones were seen…
        foreach (ulong nonce in nonces.Take(50)) (await sim.ActAsync(wallet.Sign(NoopAction.Instance, nonce))).GetProperty("status").GetString().ShouldBe("ok");
        (await sim.ActAsync(wallet.Sign(NoopAction.Instance, first))).GetProperty("status").GetString().ShouldBe("ok");
        foreach (ulong nonce in nonces.Skip(50)) (await sim.ActAsync(wallet.Sign(NoopAction.Instance, nonce))).GetProperty("status").GetString().ShouldBe("ok");
        // …but once 100 higher ones are kept, anything at or below the smallest is too low.
        Error(await sim.ActAsync(wallet.Sign(NoopAction.Instance, first + 1 == nonces[0] ? first : first + 1))).ShouldContain("too low");
    }

    [Fact]
    public async Task An_expired_action_is_rejected_and_a_live_one_is_accepted()
    {
        await using var sim = await TestSimulator.StartAsync();
        var wallet = await sim.FundedWalletAsync();
        ulong past = (ulong)DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds();
        Error(await sim.ActAsync(wallet.Sign(NoopAction.Instance, expiresAfter: past))).ShouldStartWith("Action expired");
        ulong future = (ulong)DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds();
        (await sim.ActAsync(wallet.Sign(TestWallet.Limit(0, true, "90000", "0.001"), expiresAfter: future))).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task An_approved_agent_trades_for_its_master_and_the_orders_are_the_masters()
    {
        await using var sim = await TestSimulator.StartAsync();
        var master = await sim.FundedWalletAsync();
        var agent = TestWallet.Create();
        Error(await sim.ActAsync(agent.Sign(TestWallet.Limit(0, true, "90000", "0.001")))).ShouldContain(agent.Address);

        var approve = await sim.ActAsync(master.SignUser(new ApproveAgentAction(agent.Address, null, TestWallet.NextNonce())));
        approve.ShouldMatchFixture("exchange_default.ok.response.json");
        (await sim.ActAsync(agent.Sign(TestWallet.Limit(0, true, "90000", "0.001")))).GetProperty("status").GetString().ShouldBe("ok");

        var open = (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{master.Address}}"}""")).Body;
        open.GetArrayLength().ShouldBe(1);
        (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{agent.Address}}"}""")).Body.GetArrayLength().ShouldBe(0);
        // Agents may not move funds: user-signed actions need the account's own key.
        Error(await sim.ActAsync(agent.SignUser(new UsdSendAction(TestWallet.Create().Address, 1m, TestWallet.NextNonce())))).ShouldContain(agent.Address);
    }

    [Fact]
    public async Task A_vault_address_acts_for_a_sub_account_of_the_signer_only()
    {
        await using var sim = await TestSimulator.StartAsync();
        var master = await sim.FundedWalletAsync();
        string sub = TestWallet.Create().Address;
        await sim.PostAsync("/sim/fund", $$"""{"user":"{{sub}}","usdc":"5000","master":"{{master.Address}}"}""");
        (await sim.ActAsync(master.Sign(TestWallet.Limit(0, true, "90000", "0.001"), vaultAddress: sub))).GetProperty("status").GetString().ShouldBe("ok");
        (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{sub}}"}""")).Body.GetArrayLength().ShouldBe(1);
        (await sim.InfoAsync($$"""{"type":"openOrders","user":"{{master.Address}}"}""")).Body.GetArrayLength().ShouldBe(0);

        var other = await sim.FundedWalletAsync();
        Error(await sim.ActAsync(other.Sign(TestWallet.Limit(0, true, "90000", "0.001"), vaultAddress: sub))).ShouldContain("is not controlled by");
    }

    [Fact]
    public async Task Usd_send_moves_funds_and_funds_the_destination()
    {
        await using var sim = await TestSimulator.StartAsync();
        var sender = await sim.FundedWalletAsync(1000m);
        var receiver = TestWallet.Create();
        (await sim.ActAsync(sender.SignUser(new UsdSendAction(receiver.Address, 250m, TestWallet.NextNonce())))).ShouldMatchFixture("exchange_default.ok.response.json");
        var state = (await sim.InfoAsync($$"""{"type":"clearinghouseState","user":"{{receiver.Address}}"}""")).Body;
        state.GetProperty("marginSummary").GetProperty("accountValue").GetString().ShouldBe("250.0");
        (await sim.ActAsync(receiver.Sign(TestWallet.Limit(0, true, "90000", "0.001")))).GetProperty("status").GetString().ShouldBe("ok");
    }
}
