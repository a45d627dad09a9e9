using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Reverse DNS from a table: a name, no name (absent), a failure (an exception to throw) or no answer at all (never completes, whatever the token says, as a stuck resolver).</summary>
public sealed class FakeHostNameLookup : IHostNameLookup
{
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Exception> Failures { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Silent { get; } = new(StringComparer.Ordinal);

    public Task<string?> NameOfAsync(string address, CancellationToken cancellationToken)
    {
        if (Silent.Contains(address))
        {
            return new TaskCompletionSource<string?>().Task;
        }

        return Failures.TryGetValue(address, out var failure)
            ? Task.FromException<string?>(failure)
            : Task.FromResult(Names.TryGetValue(address, out var name) ? name : null);
    }
}
