using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Halyard.Simulator.Http;

/// <summary>Serializer settings of the control API's small answers (camelCase, reflection-based: off the hot path).</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
