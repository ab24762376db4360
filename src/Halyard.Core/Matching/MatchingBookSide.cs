namespace Halyard.Core.Matching;

/// <summary>
/// One side of a book: price levels in a sorted array with the best level LAST, so the levels that
/// change most (at the top of the book) are added and removed without shifting the rest.
/// Keys are the price for bids and the negated price for asks, so "best" is always the largest key.
/// </summary>
internal sealed class MatchingBookSide
{
    private readonly bool _isBid;
    private readonly Stack<PriceLevel> _pool;
    private long[] _keys = new long[64];
    private PriceLevel[] _levels = new PriceLevel[64];
    private int _count;

    public MatchingBookSide(bool isBid, Stack<PriceLevel> pool)
    {
        _isBid = isBid;
        _pool = pool;
    }

    public int LevelCount => _count;

    public PriceLevel? Best => _count > 0 ? _levels[_count - 1] : null;

    /// <summary>The level at <paramref name="index"/> counted from the best (0 = best).</summary>
    public PriceLevel LevelFromBest(int index) => _levels[_count - 1 - index];

    private long Key(long pxRaw) => _isBid ? pxRaw : -pxRaw;

    /// <summary>The level at <paramref name="pxRaw"/>, created when missing.</summary>
    public PriceLevel GetOrAdd(long pxRaw)
    {
        long key = Key(pxRaw);
        int index = Search(key);
        if (index >= 0) return _levels[index];
        index = ~index;
        if (_count == _keys.Length) Grow();
        if (index < _count)
        {
            Array.Copy(_keys, index, _keys, index + 1, _count - index);
            Array.Copy(_levels, index, _levels, index + 1, _count - index);
        }
        PriceLevel level = _pool.Count > 0 ? _pool.Pop() : new PriceLevel();
        level.Reset(pxRaw);
        _keys[index] = key;
        _levels[index] = level;
        _count++;
        return level;
    }

    /// <summary>Drops an empty level and returns it to the pool.</summary>
    public void Remove(PriceLevel level)
    {
        int index;
        if (_count > 0 && ReferenceEquals(_levels[_count - 1], level)) index = _count - 1;
        else index = Search(Key(level.PxRaw));
        if (index < 0) throw new InvalidOperationException($"level {level.PxRaw} is not on this side");
        _count--;
        if (index < _count)
        {
            Array.Copy(_keys, index + 1, _keys, index, _count - index);
            Array.Copy(_levels, index + 1, _levels, index, _count - index);
        }
        _levels[_count] = null!;
        _pool.Push(level);
    }

    /// <summary>Binary search over keys; the levels near the best (the end) are checked first.</summary>
    private int Search(long key)
    {
        int hi = _count - 1;
        if (hi >= 0 && _keys[hi] == key) return hi;
        int lo = 0;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            long k = _keys[mid];
            if (k == key) return mid;
            if (k < key) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private void Grow()
    {
        Array.Resize(ref _keys, _keys.Length * 2);
        Array.Resize(ref _levels, _levels.Length * 2);
    }

    /// <summary>Copies up to destination.Length levels, best first; returns how many.</summary>
    public int CopyTo(Span<MatchingBookLevel> destination)
    {
        int n = Math.Min(destination.Length, _count);
        for (int i = 0; i < n; i++)
        {
            PriceLevel level = _levels[_count - 1 - i];
            destination[i] = new MatchingBookLevel(level.PxRaw, level.TotalSzRaw, level.Count);
        }
        return n;
    }
}
