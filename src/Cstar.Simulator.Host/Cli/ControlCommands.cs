using Cstar.Core.Errors;
using Cstar.Simulator.Host.Control;

namespace Cstar.Simulator.Host.Cli;

/// <summary>`status`, `ctl` and `nodetool`: one request to the daemon, its answer printed as is.</summary>
internal static class ControlCommands
{
    private static readonly HashSet<string> CtlVerbs = new(StringComparer.Ordinal) { "stop", "start", "restart", "drain", "poweroff", "poweron", "reboot", "split-schema" };

    public static Task<int> StatusAsync(CliArguments args) => SendAsync(args.ControlSocket, new ControlRequest("status"));

    public static Task<int> CtlAsync(CliArguments args)
    {
        if (args.Positional.Count != 3 || !CtlVerbs.Contains(args.Positional[1]))
        {
            throw new CstarException("ctl wants a verb and a host", "Write `cstar-sim ctl <stop|start|restart|drain|poweroff|poweron|reboot|split-schema> <address> [--delay S]`.");
        }

        return SendAsync(args.ControlSocket, new ControlRequest(args.Positional[1], args.Positional[2], null, args.Seconds("--delay")));
    }

    /// <summary>Every argument after `nodetool` goes to the ring unparsed; the node comes from CSTAR_SIM_NODE (set by the host's shim).</summary>
    public static async Task<int> NodetoolAsync(IReadOnlyList<string> rawArgs)
    {
        var node = Environment.GetEnvironmentVariable("CSTAR_SIM_NODE");
        var socket = Environment.GetEnvironmentVariable("CSTAR_SIM_SOCKET");
        if (string.IsNullOrEmpty(node) || string.IsNullOrEmpty(socket))
        {
            throw new CstarException("nodetool runs inside a simulated host only (CSTAR_SIM_NODE/CSTAR_SIM_SOCKET are not set)", "ssh -F <dir>/ssh_config <host> nodetool ...");
        }

        return await SendAsync(socket, new ControlRequest("nodetool", node, rawArgs.Skip(1).ToList())).ConfigureAwait(false);
    }

    private static async Task<int> SendAsync(string socket, ControlRequest request)
    {
        var answer = await ControlClient.SendAsync(socket, request, TimeSpan.FromSeconds(60), CancellationToken.None).ConfigureAwait(false);
        await Console.Out.WriteAsync(answer.StandardOutput).ConfigureAwait(false);
        await Console.Error.WriteAsync(answer.StandardError).ConfigureAwait(false);
        return answer.ExitCode;
    }
}
