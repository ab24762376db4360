using System.Text.Json;

namespace Halyard.Simulator.Http;

/// <summary>
/// A parsed, payload-valid action waiting to run under the exchange's lock for an account. <see cref="Run"/> writes
/// the answer and returns null, or returns a whole-request error having written nothing.
/// </summary>
internal sealed record ActionCommand(int OrderCount, Func<ActionService, string, Utf8JsonWriter, string?> Run);
