using Cstar.Core.Ports;

namespace Cstar.Simulator;

/// <summary>
/// A transport into the in-process ring, no SSH: `nodetool ...` is answered by the node itself, exactly as the
/// real command would print it. A powered-off host refuses the connection. Serves `cstar demo`.
/// </summary>
public sealed class SimulatedRingTransport(SimulatedRing ring) : ICommandTransport
{
    public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(argv);
        cancellationToken.ThrowIfCancellationRequested();
        if (ring.Nodes.All(n => n.Address != host) || !ring.IsHostUp(host))
        {
            throw new TransportException(host, TransportFailureKind.ConnectionRefused, $"{host}: connection refused (the simulated host is off)");
        }

        if (argv.Count == 0 || argv[0] != "nodetool")
        {
            return Task.FromResult(new CommandResult(127, string.Empty, $"{(argv.Count == 0 ? "(empty)" : argv[0])}: the simulated host only runs nodetool\n"));
        }

        var response = ring.RunNodetool(host, [.. argv.Skip(1)]);
        return Task.FromResult(new CommandResult(response.ExitCode, response.StandardOutput, response.StandardError));
    }
}
