using ParquetSharp;

namespace Halyard.Persistence.Catalog.Codecs;

/// <summary>Opens a catalog file and checks it is one: readable footer, supported version, expected columns and metadata.</summary>
internal static class CatalogFileOpener
{
    /// <exception cref="CatalogFormatException">The file is corrupt, truncated, foreign or of a newer schema.</exception>
    public static ParquetFileReader Open<T>(string path, CatalogCodec<T> codec, out FileContext context)
    {
        ParquetFileReader? reader = null;
        try
        {
            using (ReaderProperties properties = ReaderProperties.GetDefaultReaderProperties())
            {
                properties.EnablePageChecksumVerification();
                reader = new ParquetFileReader(path, properties);
            }
            FileMetaData metadata = reader.FileMetaData;
            IReadOnlyDictionary<string, string> keyValues = metadata.KeyValueMetadata;
            CatalogMetadata.CheckVersion(keyValues, path);
            var columns = new int[codec.Columns.Count];
            string? problem = ParquetColumns.Match(metadata.Schema, codec.Columns, columns);
            if (problem is not null) throw new CatalogFormatException(path, $"not a {CatalogLayout.FolderOf(codec.Kind)} file: {problem}");
            context = new FileContext { Path = path, Columns = columns };
            codec.ReadMetadata(keyValues, context);
            return reader;
        }
        catch (CatalogFormatException)
        {
            reader?.Dispose();
            throw;
        }
        catch (Exception e) when (e is ParquetException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            reader?.Dispose();
            throw new CatalogFormatException(path, $"not a readable Parquet file ({e.Message.Split('\n')[0]})", inner: e);
        }
    }

    /// <summary>Rows in a file, from its footer; throws <see cref="CatalogFormatException"/> like <see cref="Open{T}"/>.</summary>
    public static long CountRows<T>(string path, CatalogCodec<T> codec)
    {
        using ParquetFileReader reader = Open(path, codec, out _);
        FileMetaData metadata = reader.FileMetaData;
        return metadata.NumRows;
    }
}
