namespace Halyard.Simulator.Http;

/// <summary>What an info request produced: its type and, when it failed, why (naming the field at fault).</summary>
internal readonly record struct InfoAnswer(string Type, string? Error)
{
    public static InfoAnswer Fail(string type, string error) => new(type, error);
}
