using Halyard.Core.Messaging;
using Halyard.Hyperliquid.Execution;

namespace Halyard.Hyperliquid.Tests.Execution;

/// <summary>A missing or malformed key fails ConnectAsync with a message that names its source and never shows it.</summary>
public sealed class ExecutionClientKeyTests
{
    private static HyperliquidExecutionClient Client(HyperliquidCredentials credentials) =>
        new(new HyperliquidExecClientConfig
        {
            Endpoints = HyperliquidEndpoints.At(new Uri("http://127.0.0.1:9")), // never reached
            Credentials = credentials,
        }, new KernelInbox(), new TestClock());

    [Fact]
    public async Task Missing_key_variable_fails_connect_naming_the_variable()
    {
        string variable = "HALYARD_TEST_PK_" + Guid.NewGuid().ToString("N");
        await using var client = Client(new HyperliquidCredentials { KeyVariable = variable });

        var error = await Should.ThrowAsync<HyperliquidConfigException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));
        error.Message.ShouldContain(variable);
        error.Message.ShouldContain("not set");
        client.IsConnected.ShouldBeFalse();
    }

    [Fact]
    public async Task Malformed_key_in_a_variable_fails_connect_without_showing_the_key()
    {
        string variable = "HALYARD_TEST_PK_" + Guid.NewGuid().ToString("N");
        const string secret = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f36231"; // 63 digits
        Environment.SetEnvironmentVariable(variable, secret);
        try
        {
            await using var client = Client(new HyperliquidCredentials { KeyVariable = variable });
            var error = await Should.ThrowAsync<HyperliquidConfigException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));
            error.Message.ShouldContain("64 hex digits");
            error.Message.ShouldNotContain(secret[2..20]);
            error.ToString().ShouldNotContain(secret[2..20]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Key_file_with_non_hex_characters_fails_connect_without_showing_them()
    {
        string file = Path.GetTempFileName();
        const string secret = "0xzz0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
        await File.WriteAllTextAsync(file, secret, TestContext.Current.CancellationToken);
        try
        {
            await using var client = Client(new HyperliquidCredentials { KeyFile = file });
            var error = await Should.ThrowAsync<HyperliquidConfigException>(() => client.ConnectAsync(TestContext.Current.CancellationToken));
            error.Message.ShouldContain(file);
            error.Message.ShouldContain("not hex digits");
            error.ToString().ShouldNotContain(secret[4..20]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task With_an_agent_key_the_account_is_the_master_never_the_agent()
    {
        string file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", TestContext.Current.CancellationToken);
        const string master = "0x1111111111111111111111111111111111111111";
        try
        {
            await using var client = Client(new HyperliquidCredentials { KeyFile = file, AccountAddress = master });
            client.OwnerAddress.ShouldBe(master);
            client.AccountId.Value.ShouldBe("HYPERLIQUID-" + master);
            await using var vaultClient = Client(new HyperliquidCredentials { KeyFile = file, AccountAddress = master, VaultAddress = "0x2222222222222222222222222222222222222222" });
            vaultClient.OwnerAddress.ShouldBe("0x2222222222222222222222222222222222222222");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
