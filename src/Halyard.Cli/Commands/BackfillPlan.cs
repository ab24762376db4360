using Halyard.Core.Model;

namespace Halyard.Cli.Commands;

/// <summary>What `halyard backfill` was asked for, checked: instruments, bar intervals (wire names), an inclusive ts_init range.</summary>
internal sealed record BackfillPlan(IReadOnlyList<InstrumentId> Instruments, IReadOnlyList<(string Wire, BarSpecification Spec)> Bars,
    bool Funding, long StartNs, long EndNs);
