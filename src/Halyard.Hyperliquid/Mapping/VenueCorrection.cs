namespace Halyard.Hyperliquid.Mapping;

/// <summary>
/// An action the client must send to keep an order from over-filling: a fill of a replaced oid arrived after the
/// replacement was sized, so the live venue order is now larger than what is left of the order.
/// </summary>
/// <param name="NewSize">Resize the live oid to this; zero means cancel it.</param>
public sealed record VenueCorrection(TrackedOrder Order, ulong Oid, decimal NewSize)
{
    public bool IsCancel => NewSize <= 0m;
}
