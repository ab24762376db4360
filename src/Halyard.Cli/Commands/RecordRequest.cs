using Halyard.Core.Model;
using Halyard.Persistence.Catalog;

namespace Halyard.Cli.Commands;

/// <summary>The `halyard record` options, checked.</summary>
internal sealed record RecordRequest(IReadOnlyList<InstrumentId> Instruments, RecordedData Data, IReadOnlyList<BarSpecification> Bars,
    TimeSpan? Duration, RecorderOptions Recorder, string TypesText);
