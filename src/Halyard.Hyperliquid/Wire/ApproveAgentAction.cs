namespace Halyard.Hyperliquid.Wire;

/// <summary>
/// <c>approveAgent</c>: authorises an API wallet. An unnamed agent is signed with <c>agentName = ""</c> and the key is
/// left out of the JSON (PROTOCOL §5.8).
/// </summary>
public sealed class ApproveAgentAction(string agentAddress, string? agentName, ulong nonce) : IUserSignedAction
{
    public string AgentAddress { get; } = UserSignedArguments.Address(agentAddress, "agentAddress");

    /// <summary>Null or "" for the unnamed agent.</summary>
    public string? AgentName { get; } = agentName;

    public ulong Nonce { get; } = nonce;

    public UserSignedActionSchema Schema => UserSignedActionSchema.ApproveAgent;
    public IReadOnlyList<UserSignedValue> Values =>
        [UserSignedValue.Of(AgentAddress), UserSignedValue.Of(AgentName ?? ""), UserSignedValue.Of(Nonce)];
}
