namespace Cstar.Transport.Ssh;

/// <summary>
/// OpenSSH host patterns as known_hosts and ssh_config use them: <c>*</c> and <c>?</c> wildcards,
/// comma or space separated lists, <c>!</c> negation (a matching negated pattern vetoes the whole list).
/// Comparison is case-insensitive, like OpenSSH's.
/// </summary>
public static class HostPattern
{
    /// <summary>True when one positive pattern matches and no negated pattern does.</summary>
    public static bool MatchesList(IEnumerable<string> patterns, string name, Func<string, string, bool>? matchOne = null)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        matchOne ??= Matches;
        var matched = false;
        foreach (var pattern in patterns)
        {
            if (pattern.StartsWith('!'))
            {
                if (matchOne(pattern[1..], name))
                {
                    return false;
                }
            }
            else if (matchOne(pattern, name))
            {
                matched = true;
            }
        }

        return matched;
    }

    /// <summary>Glob match of one pattern (<c>*</c> any run, <c>?</c> one character).</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return Glob(pattern.ToLowerInvariant().AsSpan(), name.ToLowerInvariant().AsSpan());
    }

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
