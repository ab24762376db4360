using Halyard.Core.Model;

namespace Halyard.Core.Execution;

/// <summary>
/// A venue's order gateway. Commands come from the kernel thread and return at once; the client does its
/// I/O on its own and posts what happens (order events such as OrderAccepted/OrderFilled, or status and
/// fill reports, and AccountState) into the <see cref="Messaging.KernelInbox"/> it was built with.
/// The execution engine has already emitted OrderSubmitted / OrderPendingCancel / OrderPendingUpdate
/// when a command reaches the client.
/// </summary>
public interface IExecutionClient
{
    /// <summary>Unique name of this client (e.g. "HYPERLIQUID-EXEC").</summary>
    string ClientId { get; }
    Venue Venue { get; }
    AccountId AccountId { get; }
    bool IsConnected { get; }

    /// <summary>Connects and posts the account's state before returning.</summary>
    Task ConnectAsync(CancellationToken ct);
    Task DisconnectAsync(CancellationToken ct);

    void Submit(SubmitOrder command);
    void SubmitList(SubmitOrderList command);
    void Cancel(CancelOrder command);
    /// <summary>Cancels the orders in <see cref="CancelAllOrders.Cancels"/> (or all of the instrument, where the venue can).</summary>
    void CancelAll(CancelAllOrders command);
    void BatchCancel(BatchCancelOrders command);
    void Modify(ModifyOrder command);
    /// <summary>Asks for an order's status; the answer is posted as an <see cref="OrderStatusReport"/>.</summary>
    void Query(QueryOrder command);

    /// <summary>
    /// The venue's current truth for reconciliation: open orders, fills since <paramref name="sinceNs"/>
    /// (or as far back as the venue keeps), positions. Runs off the kernel thread.
    /// </summary>
    Task<ExecutionMassStatus> GenerateMassStatusAsync(long? sinceNs, CancellationToken ct);
}
