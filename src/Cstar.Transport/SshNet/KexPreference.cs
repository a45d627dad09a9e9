using Cstar.Core.Ports;

namespace Cstar.Transport.SshNet;

/// <summary>
/// ssh_config's <c>KexAlgorithms</c> for the SSH.NET transport, as OpenSSH reads it: a list replaces the offer (in its
/// order), <c>^list</c> puts those first, <c>-list</c> removes them, <c>+list</c> appends (nothing to do: SSH.NET already
/// offers what it supports). Names SSH.NET does not implement are skipped; a list that leaves none is refused like a
/// missing identity file (the connection cannot be made as configured, so the host is not retried).
/// Without the keyword the offer stays SSH.NET's, post-quantum hybrids first: a classic exchange is the operator's choice.
/// </summary>
internal static class KexPreference
{
    public static void Apply<T>(IDictionary<string, T> offered, string? setting, string host)
    {
        ArgumentNullException.ThrowIfNull(offered);
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

        offered.Clear();
        foreach (var (name, value) in chosen)
        {
            offered.Add(name, value);
        }
    }
}
