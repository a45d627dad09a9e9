using System.Globalization;
using System.Text;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Control;

namespace Cstar.Simulator.Host.Daemon;

/// <summary>Maps control-socket requests onto the daemon's controls; a user error becomes an exit code 1 answer with its hint.</summary>
internal sealed class DaemonRequestHandler(SimulatorDaemon daemon)
{
    public async Task<ControlResponse> HandleAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var delay = request.DelaySeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
            switch (request.Verb)
            {
                case "nodetool":
                    var answer = await daemon.RunNodetoolAsync(Resolve(request.Node), request.Args ?? [], cancellationToken).ConfigureAwait(false);
                    return new ControlResponse(answer.StandardOutput, answer.StandardError, answer.ExitCode);
                case "status":
                    return ControlResponse.Ok(Status());
                case "shutdown":
                    daemon.RequestShutdown();
                    return ControlResponse.Ok("cstar-sim: shutting down\n");
                case "stop":
                    daemon.StopCassandra(Resolve(request.Node));
                    return Done("cassandra stopped", request);
                case "start":
                    daemon.StartCassandra(Resolve(request.Node), delay);
                    return Done("cassandra starting", request);
                case "restart":
                    daemon.RestartCassandra(Resolve(request.Node), delay);
                    return Done("cassandra restarting", request);
                case "drain":
                    daemon.Drain(Resolve(request.Node));
                    return Done("drained", request);
                case "split-schema":
                    daemon.SplitSchema(Resolve(request.Node));
                    return Done("keeps a schema version of its own until it restarts", request);
                case "poweroff":
                    await daemon.PowerOffAsync(Resolve(request.Node), cancellationToken).ConfigureAwait(false);
                    return Done("powered off", request);
                case "poweron":
                    await daemon.PowerOnAsync(Resolve(request.Node), delay, cancellationToken).ConfigureAwait(false);
                    return Done("powered on", request);
                case "reboot":
                    await daemon.RebootAsync(Resolve(request.Node), delay, cancellationToken).ConfigureAwait(false);
                    return Done("rebooting", request);
                default:
                    return ControlResponse.Error($"cstar-sim: unknown verb '{request.Verb}'\n", 2);
            }
        }
        catch (CstarException e)
        {
            return ControlResponse.Error($"cstar-sim: {e.Message}\n{(e.Hint is null ? string.Empty : e.Hint + "\n")}");
        }
    }

    private static ControlResponse Done(string what, ControlRequest request) => ControlResponse.Ok($"{request.Node}: {what}\n");

    private string Resolve(string? node)
    {
        var found = daemon.Spec.Nodes.FirstOrDefault(n => n.Address == node || n.HostName == node);
        return found?.Address ?? throw new CstarException($"no simulated host is called '{node}'", "Run `cstar-sim status` to list the hosts.");
    }

    private string Status()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"cluster {daemon.Paths.Directory}  (ssh -F {daemon.Paths.SshConfig} <host>)\n");
        text.Append(CultureInfo.InvariantCulture, $"{"ADDRESS",-16} {"HOST",-8} {"DC",-5} {"RACK",-7} {"POWER",-10} {"CQL",-5} VERSION\n");
        foreach (var node in daemon.Spec.Nodes)
        {
            var cql = daemon.Ring.IsNativeTransportUp(node.Address) ? "up" : "down";
            var power = daemon.PowerOf(node.Address).ToString().ToLowerInvariant();
            text.Append(CultureInfo.InvariantCulture, $"{node.Address,-16} {node.HostName,-8} {node.Datacenter,-5} {node.Rack,-7} {power,-10} {cql,-5} {Cstar.Simulator.Java.CassandraVersion.Parse(node.CassandraVersion).Normalized}\n");
        }

        return text.ToString();
    }
}
