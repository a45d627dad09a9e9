namespace Cstar.Simulator.Java;

/// <summary>
/// Reproduces the iteration order of a java.util.HashMap/HashSet, because nodetool prints several lists
/// in that order (status rows, schema versions, describering ranges). Order = bucket index in the final
/// table, then insertion order inside a bucket (resizes keep relative order).
/// </summary>
internal static class JavaHashOrder
{
    /// <summary>The capacity a HashMap ends with after inserting <paramref name="count"/> keys.</summary>
    public static int FinalCapacity(int count, int initialCapacity)
    {
        var capacity = TableSizeFor(Math.Max(1, initialCapacity));
        while (count > capacity * 3L / 4)
        {
            capacity *= 2;
        }

        return capacity;
    }

    /// <summary>java.util.HashMap.tableSizeFor: the next power of two.</summary>
    public static int TableSizeFor(int capacity)
    {
        var n = 1;
        while (n < capacity)
        {
            n <<= 1;
        }

        return n;
    }

    /// <summary>Capacity of `new HashSet&lt;&gt;(collection)`: max(size / .75 + 1, 16).</summary>
    public static int CopyConstructorCapacity(int count) => Math.Max((int)(count / .75f) + 1, 16);

    public static int Spread(int hash) => hash ^ (int)((uint)hash >> 16);

    /// <summary>Orders items (given in insertion order, distinct keys) as a HashMap would iterate them.</summary>
    public static List<T> Order<T>(IReadOnlyList<T> insertionOrder, Func<T, int> javaHashCode, int initialCapacity = 16)
    {
        ArgumentNullException.ThrowIfNull(insertionOrder);
        ArgumentNullException.ThrowIfNull(javaHashCode);
        var mask = FinalCapacity(insertionOrder.Count, initialCapacity) - 1;
        var keyed = new (int Bucket, int Index)[insertionOrder.Count];
        for (var i = 0; i < insertionOrder.Count; i++)
        {
            keyed[i] = (Spread(javaHashCode(insertionOrder[i])) & mask, i);
        }

        Array.Sort(keyed, (a, b) => a.Bucket != b.Bucket ? a.Bucket.CompareTo(b.Bucket) : a.Index.CompareTo(b.Index));
        var result = new List<T>(keyed.Length);
        foreach (var (_, index) in keyed)
        {
            result.Add(insertionOrder[index]);
        }

        return result;
    }

    /// <summary>java.lang.String.hashCode.</summary>
    public static int StringHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var h = 0;
        foreach (var c in value)
        {
            h = unchecked((31 * h) + c);
        }

        return h;
    }

    /// <summary>java.lang.Long.hashCode.</summary>
    public static int LongHash(long value) => unchecked((int)(value ^ (long)((ulong)value >> 32)));
}
