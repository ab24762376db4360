namespace Halyard.Core.Node;

public sealed partial class TradingKernel
{
    private bool TryProcessExecution(object message) => false;
}
