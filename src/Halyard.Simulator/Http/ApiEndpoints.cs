using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Halyard.Simulator.Http;

/// <summary>POST /info and POST /exchange: JSON in, JSON out (Content-Type application/json, as clients require).</summary>
internal static class ApiEndpoints
{
    private const int MaxBodyBytes = 4 << 20;

    public static void Map(WebApplication app, SimulatorRuntime runtime)
    {
        app.MapPost("/info", context => ServeAsync(context, runtime, isInfo: true));
        app.MapPost("/exchange", context => ServeAsync(context, runtime, isInfo: false));
    }

    private static async Task ServeAsync(HttpContext context, SimulatorRuntime runtime, bool isInfo)
    {
        runtime.Metrics.RequestServed();
        var body = await ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var output = new ArrayBufferWriter<byte>(1024);
        int status = StatusCodes.Status200OK;
        try
        {
            if (body is null)
            {
                status = isInfo ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
                WriteError(output, $"Invalid request: the body exceeds {MaxBodyBytes} bytes");
            }
            else
            {
                using var document = JsonDocument.Parse(body.Value);
                if (isInfo)
                {
                    var answer = runtime.Info.Answer(document.RootElement, output);
                    if (answer.Error is { } error)
                    {
                        status = StatusCodes.Status422UnprocessableEntity;
                        output.ResetWrittenCount();
                        WriteError(output, error);
                    }
                }
                else
                {
                    runtime.Actions.Execute(document.RootElement, output);
                }
            }
        }
        catch (JsonException e)
        {
            status = isInfo ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
            output.ResetWrittenCount();
            WriteError(output, "Failed to deserialize the JSON body: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // A request shape no check above anticipated: still the exchange's error shape, never a 500.
            status = isInfo ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
            output.ResetWrittenCount();
            WriteError(output, "Invalid request: " + e.Message);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = output.WrittenCount;
        await context.Response.Body.WriteAsync(output.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The whole body, or null when it is larger than the limit.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < MaxBodyBytes ? (int)request.ContentLength : 1024);
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public static void WriteError(IBufferWriter<byte> output, string error)
    {
        using var w = new Utf8JsonWriter(output, Halyard.Simulator.Json.JsonOut.Options);
        w.WriteStartObject();
        w.WriteString("status"u8, "err");
        w.WriteString("response"u8, error);
        w.WriteEndObject();
    }
}
