using System.Collections.Immutable;
using Cstar.Core.Errors;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Turns the values of repeated --seed-host (or --host) flags into one ordered list: each value may hold
/// several hosts separated by spaces or commas; duplicates are dropped, order is kept.
/// </summary>
public static class SeedList
{
    private static readonly char[] Separators = [',', ' ', '\t', '\r', '\n'];

    public static ImmutableArray<string> Parse(IEnumerable<string> flagValues, string flagName = "--seed-host")
    {
        ArgumentNullException.ThrowIfNull(flagValues);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var value in flagValues)
        {
            foreach (var host in (value ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (seen.Add(host))
                {
                    result.Add(host);
                }
            }
        }

        if (result.Count == 0)
        {
            throw new CstarException(
                $"No host given to {flagName}.",
                $"Give at least one host, e.g. {flagName} 10.0.0.1,10.0.0.2 (spaces or commas; the flag may be repeated).",
                ExitCode.Usage);
        }

        return result.ToImmutable();
    }
}
