namespace Halyard.Cli.Commands;

/// <summary>The `halyard backtest` options as typed.</summary>
internal sealed record BacktestRequest(DirectoryInfo Catalog, string Strategy, string[] Instruments, string? From, string? To,
    DirectoryInfo? Output, decimal StartingBalance, bool WithTrades);
