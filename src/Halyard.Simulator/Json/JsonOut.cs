using System.Text.Encodings.Web;
using System.Text.Json;

namespace Halyard.Simulator.Json;

/// <summary>Writer settings of every response: no validation cost, and quotes/backticks in messages left readable.</summary>
internal static class JsonOut
{
    public static readonly JsonWriterOptions Options = new()
    {
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
