using Halyard.Core.Model;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>What a codec needs to decode one file: its path, column positions and parsed metadata.</summary>
internal sealed class FileContext
{
    public required string Path { get; init; }
    public required int[] Columns { get; init; }
    public InstrumentId? Instrument { get; set; }
    public BarType? BarType { get; set; }
    public byte PricePrecision { get; set; }
    public byte SizePrecision { get; set; }
}
