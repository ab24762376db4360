using Halyard.Core.Execution;
using Halyard.Core.Model;

namespace Halyard.Core.Risk;

/// <summary>An extra pre-trade rule plugged into the <see cref="RiskEngine"/> (e.g. by a risk manager enforcing loss limits).</summary>
public interface IPreTradeCheck
{
    /// <summary>Why <paramref name="order"/> must not be sent, or null to let it through.</summary>
    string? Check(Order order, TradingCommand command);
}
