namespace Halyard.Persistence.Catalog;

/// <summary>A snapshot of what a <see cref="DataRecorder"/> has done.</summary>
/// <param name="Received">Items handed to <c>Record</c>.</param>
/// <param name="Dropped">Items not written: queue full, a book gap awaiting its next snapshot, or a failed write.</param>
/// <param name="WriteErrors">Flushes that failed (each logged with its reason).</param>
public sealed record RecorderStats(long Received, long Dropped, long RowsWritten, long FilesWritten, long BytesWritten, long WriteErrors);
