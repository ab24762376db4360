namespace Halyard.Core.Messaging;

/// <summary>A timer or time alert going off: <see cref="TsEvent"/> is when it was due, <see cref="TsInit"/> when it was raised.</summary>
public readonly record struct TimeEvent(string Name, long TsEvent, long TsInit);
