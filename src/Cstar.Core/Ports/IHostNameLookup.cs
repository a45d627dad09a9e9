namespace Cstar.Core.Ports;

/// <summary>
/// Reverse DNS for display only (<c>--resolve-hostnames</c>): the name of a node's address. Jobs, the store and SSH
/// keep using the address. Null when the address has no name; throws when the lookup itself fails.
/// </summary>
public interface IHostNameLookup
{
    Task<string?> NameOfAsync(string address, CancellationToken cancellationToken);
}
