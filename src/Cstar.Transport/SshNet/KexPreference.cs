using Cstar.Core.Ports;

namespace Cstar.Transport.SshNet;

/// <summary>
/// The key exchanges the SSH.NET transport offers. By default: SSH.NET's own offer with the sntrup761 hybrids moved
/// after curve25519, so the ML-KEM hybrid (post-quantum, and cheap) comes first, then curve25519-sha256 (what cstar's
/// paramiko and OpenSSH before 9.0 use), and sntrup761 only for a server that accepts nothing else: SSH.NET computes
/// sntrup761 in managed code at about 50 ms of CPU per connection (README's design decisions say why that matters).
/// ssh_config's <c>KexAlgorithms</c> changes that default as OpenSSH reads it: a list replaces the offer (in its
/// order), <c>^list</c> puts those first, <c>-list</c> removes them, <c>+list</c> appends (nothing to do: SSH.NET already
/// offers what it supports). Names SSH.NET does not implement are skipped; a list that leaves none is refused like a
/// missing identity file (the connection cannot be made as configured, so the host is not retried).
/// </summary>
internal static class KexPreference
{
    public static void Apply<T>(IDictionary<string, T> offered, string? setting, string host)
    {
        ArgumentNullException.ThrowIfNull(offered);
        Replace(offered, DefaultOrder(offered));
        if (string.IsNullOrWhiteSpace(setting))
        {
            return;
        }

        var mode = setting[0] is '^' or '-' or '+' ? setting[0] : '=';
        var names = (mode == '=' ? setting : setting[1..]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var all = offered.ToList();
        var listed = all.Where(a => names.Contains(a.Key, StringComparer.Ordinal)).OrderBy(a => Array.IndexOf(names, a.Key)).ToList();
        var others = all.Where(a => !names.Contains(a.Key, StringComparer.Ordinal)).ToList();
        var chosen = mode switch
        {
            '=' => listed,
            '^' => [.. listed, .. others],
            '-' => others,
            _ => all,
        };
        if (chosen.Count == 0)
        {
            throw new TransportException(
                host,
                TransportFailureKind.Authentication,
                $"{host}: ssh_config's KexAlgorithms '{setting}' leaves no key exchange the SSH.NET transport supports ({string.Join(", ", all.Select(a => a.Key))}). Name one of those, or use --ssh-lib openssh.");
        }

        Replace(offered, chosen);
    }

    /// <summary>SSH.NET's offer with every sntrup761 hybrid moved to just after the last curve25519 exchange (kept, not dropped).</summary>
    private static List<KeyValuePair<string, T>> DefaultOrder<T>(IDictionary<string, T> offered)
    {
        var all = offered.ToList();
        var costly = all.Where(a => a.Key.StartsWith("sntrup761", StringComparison.Ordinal)).ToList();
        var rest = all.Except(costly).ToList();
        var after = rest.FindLastIndex(a => a.Key.StartsWith("curve25519", StringComparison.Ordinal)) + 1;
        rest.InsertRange(after, costly);
        return rest;
    }

    private static void Replace<T>(IDictionary<string, T> offered, List<KeyValuePair<string, T>> chosen)
    {
        offered.Clear();
        foreach (var (name, value) in chosen)
        {
            offered.Add(name, value);
        }
    }
}
