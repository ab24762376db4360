using System.CommandLine;
using System.Text.Json;
using Halyard.Cli.Commands;

namespace Halyard.IntegrationTests.Cli;

public class HlCommandTests
{
    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "Vectors", "signing.json");

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(HlCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error },
            TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Hl_sign_reproduces_every_signed_vector_from_an_array_input()
    {
        using var vectors = JsonDocument.Parse(await File.ReadAllTextAsync(VectorsPath, TestContext.Current.CancellationToken));
        var cases = vectors.RootElement.GetProperty("l1_vectors").EnumerateArray()
            .Concat(vectors.RootElement.GetProperty("user_signed_vectors").EnumerateArray())
            .Where(v => v.GetProperty("private_key").ValueKind == JsonValueKind.String)
            .ToList();
        var input = Path.Combine(Path.GetTempPath(), $"halyard-hl-sign-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, "[" + string.Join(",", cases.Select(c => c.GetRawText())) + "]", TestContext.Current.CancellationToken);
        try
        {
            var (code, output, error) = await RunAsync("hl", "sign", "--input", input);
            error.ShouldBeEmpty();
            code.ShouldBe(0);
            using var result = JsonDocument.Parse(output);
            var signatures = result.RootElement.EnumerateArray().ToList();
            signatures.Count.ShouldBe(cases.Count);
            for (int i = 0; i < cases.Count; i++)
            {
                var expected = cases[i].GetProperty("expected");
                string id = cases[i].GetProperty("id").GetString()!;
                signatures[i].GetProperty("r").GetString().ShouldBe(expected.GetProperty("r").GetString(), id);
                signatures[i].GetProperty("s").GetString().ShouldBe(expected.GetProperty("s").GetString(), id);
                signatures[i].GetProperty("v").GetInt32().ShouldBe(expected.GetProperty("v").GetInt32(), id);
                signatures[i].GetProperty("signer").GetString().ShouldBe(cases[i].GetProperty("signer_address").GetString()!.ToLowerInvariant(), id);
                if (cases[i].GetProperty("kind").GetString() == "l1")
                    signatures[i].GetProperty("connectionId").GetString().ShouldBe(cases[i].GetProperty("derived").GetProperty("connection_id").GetString(), id);
                else
                    signatures[i].TryGetProperty("connectionId", out _).ShouldBeFalse(id);
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Hl_sign_of_a_single_object_prints_a_single_object_and_bad_input_names_the_field()
    {
        var input = Path.Combine(Path.GetTempPath(), $"halyard-hl-sign-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(input, """
                {"action":{"type":"noop"},"nonce":1,"is_mainnet":false,"private_key":"0x0123456789012345678901234567890123456789012345678901234567890123"}
                """, TestContext.Current.CancellationToken);
            var (code, output, _) = await RunAsync("hl", "sign", "--input", input);
            code.ShouldBe(0);
            using (var doc = JsonDocument.Parse(output))
                doc.RootElement.GetProperty("signer").GetString().ShouldBe("0x14791697260e4c9a71f18484c9f997b308e59325");

            await File.WriteAllTextAsync(input, """[{"action":{"type":"noop"},"nonce":1,"is_mainnet":"yes"}]""", TestContext.Current.CancellationToken);
            var (badCode, _, error) = await RunAsync("hl", "sign", "--input", input);
            badCode.ShouldBe(1);
            error.ShouldContain("[0].is_mainnet");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Hl_address_prints_the_address_of_the_environment_key_and_never_the_key()
    {
        const string key = "0x0123456789012345678901234567890123456789012345678901234567890123";
        var previous = Environment.GetEnvironmentVariable("HYPERLIQUID_PK");
        try
        {
            Environment.SetEnvironmentVariable("HYPERLIQUID_PK", key);
            var (code, output, _) = await RunAsync("hl", "address");
            code.ShouldBe(0);
            output.Trim().ShouldBe("0x14791697260e4c9a71f18484c9f997b308e59325");
            (await RunAsync("hl", "address", "--checksum")).Output.Trim().ShouldBe("0x14791697260E4c9A71f18484C9f997B308e59325");

            Environment.SetEnvironmentVariable("HYPERLIQUID_PK", "0xnot-a-key-1234");
            var (badCode, badOutput, error) = await RunAsync("hl", "address");
            badCode.ShouldBe(1);
            error.ShouldContain("HYPERLIQUID_PK");
            (badOutput + error).ShouldNotContain("not-a-key");
        }
        finally
        {
            Environment.SetEnvironmentVariable("HYPERLIQUID_PK", previous);
        }
    }
}
