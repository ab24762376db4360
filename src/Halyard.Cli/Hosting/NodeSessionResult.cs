namespace Halyard.Cli.Hosting;

/// <summary>What <see cref="NodeSession.RunAsync"/> ran and how it ended.</summary>
public sealed record NodeSessionResult(NodeActivitySnapshot Final, TimeSpan Elapsed, bool RanFullDuration);
