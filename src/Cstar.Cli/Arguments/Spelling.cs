namespace Cstar.Cli.Arguments;

/// <summary>"did you mean `--strategy`?": the known word closest to a mistyped one, when it is close enough.</summary>
internal static class Spelling
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var prefixed = candidates.Where(k => k.StartsWith(typed, StringComparison.Ordinal)).ToList();
        if (typed.Length >= 3 && prefixed.Count == 1)
        {
            return prefixed[0];
        }

        var best = candidates
            .Select(k => (Word: k, Distance: Distance(typed, k)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Word is not null && best.Distance <= Math.Max(1, Math.Min(3, typed.Length / 3)) ? best.Word : null;
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) from one word to the other.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
