namespace Halyard.Core.Risk;

/// <summary>Where the risk manager keeps its <see cref="RiskState"/> so a halt survives a restart (Core holds none of the I/O: a Redis or file store lives in Persistence).</summary>
public interface IRiskStateStore
{
    /// <summary>The last saved state, or null when none was saved.</summary>
    RiskState? Load();

    void Save(RiskState state);
}
