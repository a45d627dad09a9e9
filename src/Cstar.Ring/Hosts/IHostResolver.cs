using System.Net;

namespace Cstar.Ring.Hosts;

/// <summary>Resolves a host name to its addresses. A port so that tests need no DNS; throws <see cref="HostResolutionException"/>.</summary>
public interface IHostResolver
{
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string name, CancellationToken cancellationToken);
}
