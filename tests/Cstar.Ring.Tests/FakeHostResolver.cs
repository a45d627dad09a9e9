using System.Net;
using Cstar.Ring.Hosts;

namespace Cstar.Ring.Tests;

/// <summary>A resolver answering from a table; unknown names fail like DNS would.</summary>
internal sealed class FakeHostResolver : IHostResolver
{
    private readonly Dictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Asked { get; } = [];

    public FakeHostResolver Add(string name, params string[] addresses)
    {
        _names[name] = addresses.Select(IPAddress.Parse).ToArray();
        return this;
    }

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        Asked.Add(name);
        return _names.TryGetValue(name, out var addresses)
            ? Task.FromResult<IReadOnlyList<IPAddress>>(addresses)
            : throw new HostResolutionException(name, "Name or service not known");
    }
}
