namespace Halyard.Core.Matching;

/// <summary>An order changed state at <see cref="TsNs"/>; <see cref="Order"/> is its state after the change.</summary>
public readonly record struct OrderUpdate(OpenOrder Order, OrderUpdateStatus Status, long TsNs);
