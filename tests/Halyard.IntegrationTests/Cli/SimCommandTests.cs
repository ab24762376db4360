using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Halyard.Cli.Commands;

namespace Halyard.IntegrationTests.Cli;

public class SimCommandTests
{
    /// <summary>Collects what the command prints; readable while it runs.</summary>
    private sealed class Collector : TextWriter
    {
        private readonly StringBuilder _text = new();
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) { lock (_text) _text.Append(value); }
        public override void Write(string? value) { lock (_text) _text.Append(value); }
        public override string ToString() { lock (_text) return _text.ToString(); }
    }

    [Fact]
    public async Task Sim_prints_its_url_serves_the_api_with_the_genesis_accounts_and_stops_on_cancel()
    {
        string genesis = Path.Combine(Path.GetTempPath(), $"halyard-genesis-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(genesis, """{"0x00000000000000000000000000000000000000b1":"4321.5"}""", TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new Collector();
        var error = new Collector();
        var root = new RootCommand();
        root.Subcommands.Add(SimCommand.Create());
        var run = root.Parse(["sim", "--port", "0", "--seed", "3", "--paused", "--genesis", genesis])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, stop.Token);
        try
        {
            Match listening = Match.Empty;
            for (int i = 0; i < 200 && !(listening = Regex.Match(output.ToString(), @"listening on (http://127\.0\.0\.1:\d+)")).Success; i++)
                await Task.Delay(50, TestContext.Current.CancellationToken);
            listening.Success.ShouldBeTrue($"output: {output} error: {error}");

            using var http = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value) };
            using var content = new StringContent("""{"type":"clearinghouseState","user":"0x00000000000000000000000000000000000000b1"}""", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/info", content, TestContext.Current.CancellationToken);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            using var state = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            state.RootElement.GetProperty("marginSummary").GetProperty("accountValue").GetString().ShouldBe("4321.5");
        }
        finally
        {
            stop.Cancel();
            (await run).ShouldBe(0);
            File.Delete(genesis);
        }
    }

    [Fact]
    public async Task Sim_refuses_a_bad_genesis_file_naming_the_entry()
    {
        string genesis = Path.Combine(Path.GetTempPath(), $"halyard-genesis-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(genesis, """{"alice":"1"}""", TestContext.Current.CancellationToken);
        var output = new Collector();
        var error = new Collector();
        var root = new RootCommand();
        root.Subcommands.Add(SimCommand.Create());
        int code = await root.Parse(["sim", "--port", "0", "--genesis", genesis])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        File.Delete(genesis);
        code.ShouldBe(2);
        error.ToString().ShouldContain("alice");
    }
}
