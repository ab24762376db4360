using Halyard.Core.Data;
using Halyard.Persistence.Catalog.Codecs;
using ParquetSharp;

namespace Halyard.Persistence.Catalog;

/// <summary>One sorted stream (a kind and a key): its files in order, read one row group at a time.</summary>
internal abstract class StreamCursor : IDisposable
{
    public required int Order { get; init; }

    /// <summary>
    /// The query's instrument ids: a file's id is swapped for the equal instance the caller holds, so the kernel's
    /// per-instrument lookups on every row compare references, not strings.
    /// </summary>
    public IReadOnlyList<Core.Model.InstrumentId>? Instruments { get; init; }
    public abstract MarketDataKind Kind { get; }
    public long TsInit { get; protected set; }

    /// <summary>Advances to the next row in range; false at the end of the stream.</summary>
    public abstract bool MoveNext();

    public abstract void Dispose();
}

internal sealed class StreamCursor<T> : StreamCursor
{
    private readonly CatalogCodec<T> _codec;
    private readonly IReadOnlyList<CatalogFile> _files;
    private readonly long _startNs;
    private readonly long _endNs;
    private readonly BadFilePolicy _policy;
    private readonly Action<CatalogFileProblem> _report;
    private ColumnBuffers _buffers;
    private T[] _rows;
    private long[] _tsInit;
    private int _count;
    private int _position = -1;
    private int _fileIndex = -1;
    private ParquetFileReader? _reader;
    private FileContext? _context;
    private int _rowGroup;
    private int _rowGroups;

    public StreamCursor(CatalogCodec<T> codec, IReadOnlyList<CatalogFile> files, long startNs, long endNs, int rowGroupSize,
        BadFilePolicy policy, Action<CatalogFileProblem> report)
    {
        _codec = codec;
        _files = files;
        _startNs = startNs;
        _endNs = endNs;
        _policy = policy;
        _report = report;
        _buffers = new ColumnBuffers(rowGroupSize);
        _rows = new T[rowGroupSize];
        _tsInit = new long[rowGroupSize];
    }

    public override MarketDataKind Kind => _codec.Kind;

    /// <summary>The current row; valid until the next <see cref="MoveNext"/>.</summary>
    public ref readonly T Current => ref _rows[_position];

    public override bool MoveNext()
    {
        while (true)
        {
            if (++_position < _count)
            {
                long ts = _tsInit[_position];
                if (ts < _startNs) continue;
                if (ts > _endNs)
                {
                    Close(_files.Count);
                    return false;
                }
                TsInit = ts;
                return true;
            }
            if (!LoadRowGroup()) return false;
        }
    }

    private bool LoadRowGroup()
    {
        while (true)
        {
            if (_reader is null || _rowGroup >= _rowGroups)
            {
                if (!OpenNextFile()) return false;
                continue;
            }
            try
            {
                using RowGroupReader rowGroup = _reader.RowGroup(_rowGroup++);
                int rows = checked((int)rowGroup.MetaData.NumRows);
                if (rows > _rows.Length)
                {
                    _rows = new T[rows];
                    _tsInit = new long[rows];
                    _buffers = new ColumnBuffers(rows);
                }
                _codec.ReadRowGroup(rowGroup, _context!, _rows.AsSpan(0, rows), _tsInit.AsSpan(0, rows), _buffers);
                _count = rows;
                _position = -1;
                return true;
            }
            catch (Exception e) when (e is CatalogFormatException or ParquetException or ArgumentException or OverflowException or IOException)
            {
                var problem = e as CatalogFormatException ?? new CatalogFormatException(_files[_fileIndex].Path, $"unreadable row group {_rowGroup - 1} ({e.Message.Split('\n')[0]})", inner: e);
                if (_policy == BadFilePolicy.Refuse) throw problem;
                _report(new CatalogFileProblem(problem.Path, problem.Reason + "; the rest of the file was skipped"));
                Close(_fileIndex + 1);
            }
        }
    }

    private bool OpenNextFile()
    {
        Close(_fileIndex + 1);
        while (++_fileIndex < _files.Count)
        {
            CatalogFile file = _files[_fileIndex];
            try
            {
                _reader = CatalogFileOpener.Open(file.Path, _codec, out FileContext context);
                if (Instruments is not null && context.Instrument is { } fileInstrument && context.BarType is null)
                {
                    foreach (Core.Model.InstrumentId id in Instruments)
                        if (id == fileInstrument) context.Instrument = id;
                }
                _context = context;
                FileMetaData metadata = _reader.FileMetaData;
                _rowGroups = metadata.NumRowGroups;
                _rowGroup = 0;
                _count = 0;
                _position = -1;
                return true;
            }
            catch (CatalogFormatException e) when (_policy == BadFilePolicy.Skip && !e.IsNewerSchema)
            {
                _report(new CatalogFileProblem(e.Path, e.Reason));
            }
        }
        return false;
    }

    private void Close(int nextFile)
    {
        _reader?.Dispose();
        _reader = null;
        _context = null;
        _count = 0;
        _position = -1;
        _fileIndex = nextFile - 1;
    }

    public override void Dispose() => Close(_files.Count);
}
