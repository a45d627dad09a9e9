namespace Cstar.Core.Scheduling;

/// <summary>Dedupe key for a replica set (sorted node indices) with a requirement; identical sets share one entry.</summary>
internal readonly struct MemberSetKey : IEquatable<MemberSetKey>
{
    private readonly int _hash;

    public MemberSetKey(int[] members, int need)
    {
        Members = members;
        Need = need;
        var hash = new HashCode();
        hash.Add(need);
        foreach (var m in members)
        {
            hash.Add(m);
        }

        _hash = hash.ToHashCode();
    }

    public int[] Members { get; }

    public int Need { get; }

    public bool Equals(MemberSetKey other) => Need == other.Need && _hash == other._hash && Members.AsSpan().SequenceEqual(other.Members);

    public override bool Equals(object? obj) => obj is MemberSetKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
