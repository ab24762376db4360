using Halyard.Core.Messaging;
using Halyard.Core.Model;
using Halyard.Core.Tests.Testing;

namespace Halyard.Core.Tests.Execution;

/// <summary>Simulates a lost connection: what the venue posted is taken out of the inbox unprocessed.</summary>
internal sealed class ExecutionEngineProbe(KernelHarness harness)
{
    public int LoseVenueEvents()
    {
        int lost = 0;
        var keep = new List<KernelMessage>();
        while (harness.Kernel.Inbox.Reader.TryRead(out KernelMessage m))
        {
            if (m.Object is IOrderEvent) lost++;
            else keep.Add(m);
        }
        foreach (KernelMessage m in keep) harness.Kernel.Process(m);
        return lost;
    }
}
