using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.Cli.Jobs;

/// <summary>
/// --resolve-hostnames, as cstar: the hosts' names (reverse DNS) on the console, in the summary and as the names of
/// the per-host output folders, while SSH, the job store and <c>continue</c> keep the addresses. The lookups run
/// together and are bounded by <see cref="Limit"/>; a host without a usable name keeps its address, and one note line
/// says which and why. A name two hosts share, or one that cannot name a folder, is not used.
/// </summary>
internal sealed class HostDisplayNames
{
    /// <summary>How long all the lookups may take together before the rest are shown by address.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private const int Parallel = 16;

    private HostDisplayNames(ImmutableDictionary<string, string> names) => Names = names;

    public static HostDisplayNames None { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Address to name, for the hosts that have a usable one.</summary>
    public ImmutableDictionary<string, string> Names { get; }

    /// <summary>The name shown for an address: its name when it has one, else the address.</summary>
    public string Of(string address) => Names.TryGetValue(address, out var name) ? name : address;

    public static async Task<HostDisplayNames> ResolveAsync(
        IReadOnlyList<string> addresses, IHostNameLookup lookup, TimeProvider time, TextWriter notes, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Limit, time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var slots = new SemaphoreSlim(Parallel);
        var answers = await Task.WhenAll(addresses.Distinct(StringComparer.Ordinal).Select(async address =>
        {
            try
            {
                await slots.WaitAsync(both.Token);
                try
                {
                    var name = await lookup.NameOfAsync(address, both.Token).WaitAsync(both.Token);
                    return (address, name, why: name is null ? "no name" : JobIds.IsSafeName(name) ? null : "a name that cannot name a folder");
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return (address, name: (string?)null, why: $"no answer within {DurationText.Format(Limit)}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (address, name: (string?)null, why: "lookup failed: " + e.Message.ReplaceLineEndings(" "));
            }
        }));
        var shared = answers.Where(a => a.why is null).GroupBy(a => a.name!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).Select(a => a.address).ToHashSet(StringComparer.Ordinal);
        var unnamed = answers.Where(a => a.why is not null || shared.Contains(a.address))
            .Select(a => (a.address, why: a.why ?? $"{a.name} is the name of another host too"))
            .ToList();
        if (unnamed.Count > 0)
        {
            var reasons = unnamed.GroupBy(u => u.why, StringComparer.Ordinal).Select(g => $"{g.Key} ({Some(g.Select(u => u.address).ToList())})");
            await notes.WriteLineAsync($"note: --resolve-hostnames: {unnamed.Count} of {answers.Length} host(s) shown by address: {string.Join("; ", reasons)}");
        }

        return new HostDisplayNames(answers.Where(a => a.why is null && !shared.Contains(a.address)).ToImmutableDictionary(a => a.address, a => a.name!, StringComparer.Ordinal));
    }

    private static string Some(List<string> addresses) =>
        addresses.Count <= 3 ? string.Join(", ", addresses) : $"{string.Join(", ", addresses.Take(3))} and {addresses.Count - 3} more";
}
