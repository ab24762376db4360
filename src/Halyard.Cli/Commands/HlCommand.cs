using System.CommandLine;
using System.Text.Json;
using Halyard.Hyperliquid.Signing;

namespace Halyard.Cli.Commands;

/// <summary>
/// `halyard hl …`: Hyperliquid key and signing tools. `sign` reads one case (or an array) in the format of
/// vectors/signing.json and prints {r, s, v, signer[, connectionId]}; `address` prints the address of HYPERLIQUID_PK.
/// </summary>
public static class HlCommand
{
    public static Command Create()
    {
        var command = new Command("hl", "Hyperliquid tools: sign actions, show the key's address.");
        command.Subcommands.Add(CreateSign());
        command.Subcommands.Add(CreateAddress());
        return command;
    }

    private static Command CreateSign()
    {
        var input = new Option<string>("--input")
        {
            Description = "File with the JSON case(s); '-' reads stdin.",
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("sign",
            "Sign one JSON case or an array of them (format of vectors/signing.json: kind, action, nonce, vault_address, " +
            "expires_after, is_mainnet, private_key). Without private_key the key comes from " + PrivateKey.DefaultEnvironmentVariable + ".");
        command.Options.Add(input);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                string path = parse.GetValue(input) ?? "-";
                string text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
                using var document = JsonDocument.Parse(text);
                using var stream = new MemoryStream();
                using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
                {
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Array)
                    {
                        json.WriteStartArray();
                        int index = 0;
                        foreach (var item in root.EnumerateArray()) HlSignCase.SignAndWrite(item, $"[{index++}]", json);
                        json.WriteEndArray();
                    }
                    else
                    {
                        HlSignCase.SignAndWrite(root, "", json);
                    }
                }
                output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or JsonException or IOException)
            {
                error.WriteLine($"hl sign: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command CreateAddress()
    {
        var checksum = new Option<bool>("--checksum") { Description = "Print the EIP-55 mixed-case form." };
        var command = new Command("address", $"Print the address of the key in {PrivateKey.DefaultEnvironmentVariable}.");
        command.Options.Add(checksum);
        command.SetAction(parse =>
        {
            try
            {
                var key = PrivateKey.FromEnvironment();
                parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(checksum) ? key.ChecksumAddress : key.Address);
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"hl address: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
