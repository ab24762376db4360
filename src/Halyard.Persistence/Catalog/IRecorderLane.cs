using Halyard.Core.Data;

namespace Halyard.Persistence.Catalog;

/// <summary>What the <see cref="DataRecorder"/> asks of every lane whatever its row type: its kind and counters.</summary>
internal interface IRecorderLane
{
    MarketDataKind Kind { get; }
    RecorderStats Stats { get; }
}
