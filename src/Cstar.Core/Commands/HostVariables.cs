using System.Collections.Immutable;

namespace Cstar.Core.Commands;

/// <summary>
/// Per-host values for the <c>{{name}}</c> placeholders of <c>--hosts-variables</c>, keyed by the node's address
/// as the ring shows it (the CLI maps the file's names to addresses once, when the job starts). Stored with the
/// job, so <c>continue</c> uses the values the job started with even if the file changed or is gone.
/// Substitution is one pass (<see cref="Placeholders"/>): a value is never scanned for further placeholders.
/// </summary>
public sealed record HostVariables
{
    public HostVariables(ImmutableDictionary<string, ImmutableDictionary<string, string>> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (host, variables) in hosts)
        {
            ArgumentException.ThrowIfNullOrEmpty(host, nameof(hosts));
            ArgumentNullException.ThrowIfNull(variables, nameof(hosts));
            foreach (var name in variables.Keys.Where(n => !Placeholders.IsValidName(n)))
            {
                throw new ArgumentException($"'{name}' cannot be a variable name: it is empty or has a brace", nameof(hosts));
            }

            builder[host] = variables.WithComparers(StringComparer.Ordinal);
        }

        Hosts = builder.ToImmutable();
    }

    /// <summary>No variables: nothing is substituted (a <c>{{name}}</c> stays as written, as in a job without the flag).</summary>
    public static HostVariables None { get; } = new(ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty);

    /// <summary>Host address → variable name → value.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Hosts { get; }

    public bool IsEmpty => Hosts.IsEmpty;

    /// <summary>The variables of one host (empty for a host the file does not name).</summary>
    public ImmutableDictionary<string, string> For(string host) =>
        Hosts.TryGetValue(host, out var variables) ? variables : ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// <paramref name="text"/> with each <c>{{name}}</c> the host defines replaced by its value; placeholders it
    /// does not define stay as written (the CLI refuses such a job before it starts, see <see cref="Missing"/>).
    /// The text around the values goes through <paramref name="literal"/> (cstarpar's <c>{}</c> tokens), the values never.
    /// </summary>
    public string Apply(string text, string host, Func<string, string>? literal = null)
    {
        var variables = For(host);
        return variables.IsEmpty
            ? literal?.Invoke(text) ?? text
            : Placeholders.Replace(text, name => variables.TryGetValue(name, out var value) ? value : null, literal);
    }

    /// <summary>For each host that lacks a variable used in <paramref name="texts"/>: the names it lacks. Empty when every host has all.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Missing(IEnumerable<string> texts, IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(hosts);
        var used = texts.SelectMany(Placeholders.NamesIn).ToImmutableSortedSet(StringComparer.Ordinal);
        var missing = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
        if (used.IsEmpty)
        {
            return missing.ToImmutable();
        }

        foreach (var host in hosts)
        {
            var defined = For(host);
            var lacking = used.Where(n => !defined.ContainsKey(n)).ToImmutableSortedSet(StringComparer.Ordinal);
            if (!lacking.IsEmpty)
            {
                missing[host] = lacking;
            }
        }

        return missing.ToImmutable();
    }

    /// <summary>Equal when they hold the same hosts with the same values (not the same dictionaries): a stored job reads back equal.</summary>
    public bool Equals(HostVariables? other) =>
        other is not null
        && Hosts.Count == other.Hosts.Count
        && Hosts.All(h => other.Hosts.TryGetValue(h.Key, out var theirs)
            && theirs.Count == h.Value.Count
            && h.Value.All(v => theirs.TryGetValue(v.Key, out var value) && string.Equals(value, v.Value, StringComparison.Ordinal)));

    public override int GetHashCode() => Hosts.Count;
}
