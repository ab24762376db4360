namespace Halyard.Core.Data;

/// <summary>
/// One side of an L2 book as two parallel sorted arrays of raw values. Keys ascend and the best level is
/// the LAST element (bids key = price, asks key = −price), because venue updates cluster at the top of the
/// book: inserting or removing there shifts only a few elements. Grows by doubling; no allocation per update.
/// </summary>
internal sealed class BookSide
{
    private readonly long _sign; // +1 bids, −1 asks
    private long[] _keys;
    private long[] _sizes;

    public BookSide(bool isBid, int capacity = 64)
    {
        _sign = isBid ? 1 : -1;
        _keys = new long[capacity];
        _sizes = new long[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Price and size (raw) of the level <paramref name="depth"/> steps from the best (0 = best).</summary>
    public void Level(int depth, out long priceRaw, out long sizeRaw)
    {
        if ((uint)depth >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(depth), depth, $"the side has {Count} levels");
        int i = Count - 1 - depth;
        priceRaw = _keys[i] * _sign;
        sizeRaw = _sizes[i];
    }

    /// <summary>Size resting at <paramref name="priceRaw"/>, 0 when there is no level.</summary>
    public long SizeAt(long priceRaw)
    {
        int i = Array.BinarySearch(_keys, 0, Count, priceRaw * _sign);
        return i >= 0 ? _sizes[i] : 0;
    }

    /// <summary>Sets the size of a level, inserting it when new.</summary>
    public void Set(long priceRaw, long sizeRaw)
    {
        long key = priceRaw * _sign;
        int i = Array.BinarySearch(_keys, 0, Count, key);
        if (i >= 0)
        {
            _sizes[i] = sizeRaw;
            return;
        }
        i = ~i;
        if (Count == _keys.Length) Grow();
        int tail = Count - i;
        if (tail > 0)
        {
            Array.Copy(_keys, i, _keys, i + 1, tail);
            Array.Copy(_sizes, i, _sizes, i + 1, tail);
        }
        _keys[i] = key;
        _sizes[i] = sizeRaw;
        Count++;
    }

    /// <summary>Removes a level; false when there was none at that price.</summary>
    public bool Remove(long priceRaw)
    {
        int i = Array.BinarySearch(_keys, 0, Count, priceRaw * _sign);
        if (i < 0) return false;
        int tail = Count - i - 1;
        if (tail > 0)
        {
            Array.Copy(_keys, i + 1, _keys, i, tail);
            Array.Copy(_sizes, i + 1, _sizes, i, tail);
        }
        Count--;
        return true;
    }

    public void Clear() => Count = 0;

    private void Grow()
    {
        Array.Resize(ref _keys, _keys.Length * 2);
        Array.Resize(ref _sizes, _sizes.Length * 2);
    }
}
