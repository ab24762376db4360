namespace Halyard.Core.Model;

/// <summary>A spot pair: base bought and sold for quote, no leverage.</summary>
public sealed record CurrencyPair : Instrument;
