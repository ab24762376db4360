using System.Globalization;
using Halyard.Core.Model;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Key-value metadata keys (NautilusTrader's, plus our schema version) and their parsing.</summary>
internal static class CatalogMetadata
{
    public const string InstrumentId = "instrument_id";
    public const string PricePrecision = "price_precision";
    public const string SizePrecision = "size_precision";
    public const string BarType = "bar_type";
    public const string Type = "type";

    /// <summary>Our own key: files written by a newer layout than this build reads are refused.</summary>
    public const string SchemaVersion = "halyard_schema_version";
    public const int CurrentSchemaVersion = 1;

    public static string Require(IReadOnlyDictionary<string, string> metadata, string key, string path) =>
        metadata.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CatalogFormatException(path, $"key-value metadata '{key}' is missing");

    public static byte RequirePrecision(IReadOnlyDictionary<string, string> metadata, string key, string path)
    {
        string text = Require(metadata, key, path);
        return byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out byte precision) && precision <= FixedPoint.Scale
            ? precision
            : throw new CatalogFormatException(path, $"key-value metadata '{key}' is '{text}', expected 0..{FixedPoint.Scale}");
    }

    public static Core.Model.InstrumentId RequireInstrument(IReadOnlyDictionary<string, string> metadata, string path)
    {
        string text = Require(metadata, InstrumentId, path);
        return Core.Model.InstrumentId.TryParse(text, out var id, out string? error)
            ? id
            : throw new CatalogFormatException(path, $"key-value metadata '{InstrumentId}': {error}");
    }

    /// <summary>Refuses files of a newer schema version; files without the key (NautilusTrader's own) are version 1.</summary>
    public static void CheckVersion(IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue(SchemaVersion, out string? text)) return;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            throw new CatalogFormatException(path, $"key-value metadata '{SchemaVersion}' is '{text}', expected a number");
        if (version > CurrentSchemaVersion)
            throw new CatalogFormatException(path, $"written with schema version {version}; this build reads up to {CurrentSchemaVersion}: upgrade Halyard to read it", isNewerSchema: true);
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
