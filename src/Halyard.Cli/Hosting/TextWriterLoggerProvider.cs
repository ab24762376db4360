using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Hosting;

/// <summary>
/// One-line logs ("12:00:01.234 warn Halyard.Alerts: …") to the command's writer, so a command's logs go where
/// its output goes (the terminal, or a test's collector). Messages come from templates whose values are configs
/// with redacting <c>ToString</c>s; no key ever reaches a log.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public static ILoggerFactory CreateFactory(TextWriter writer, LogLevel minimum) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(minimum).AddProvider(new TextWriterLoggerProvider(writer, minimum)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string time = DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        string line = $"{time} {Short(level)} {category}: {message}";
        if (exception is not null) line += level >= LogLevel.Error ? Environment.NewLine + exception : $" ({exception.GetType().Name}: {exception.Message})";
        lock (_gate) writer.WriteLine(line);
    }

    private static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class Logger(TextWriterLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Write(logLevel, category, formatter(state, exception), exception);
        }
    }

    private readonly LogLevel _minimum = minimum;
}
