using System.Globalization;
using System.Text;
using Cstar.Simulator.Host.Cluster;

namespace Cstar.Simulator.Host.Hosts;

/// <summary>
/// Writes one host's directory: its home (bind-mounted over /root inside the host), its bin of shims
/// (nodetool, cqlsh, service, systemctl, sudo, reboot, poweroff), its sshd_config and the launcher that enters
/// the host's own mount/UTS/PID namespaces before exec'ing sshd. Each power-on gets a new boot id
/// (/proc/sys/kernel/random/boot_id), as a real reboot does.
/// </summary>
public static class HostFiles
{
    public const string SshdProgram = "/usr/sbin/sshd";

    public static void WriteClusterScript(ClusterPaths paths, SimulatorCommand command)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(command);
        WriteExecutable(paths.SimulatorScript, $"""
            #!/bin/sh
            # Runs cstar-sim against this cluster's daemon (generated).
            CSTAR_SIM_SOCKET={ShellQuote.Quote(paths.ControlSocket)}
            export CSTAR_SIM_SOCKET
            exec {ShellQuote.Quote(command.DotnetHost)} {ShellQuote.Quote(command.SimulatorAssembly)} "$@"

            """);
    }

    public static void Write(ClusterPaths paths, ClusterOptions options, SimulatedNodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(node);
        var address = node.Address;
        var bin = paths.HostBin(address);
        var home = paths.HostHome(address);
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(home);
        var path = $"{bin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        var profile = $"export PATH={ShellQuote.Quote(path)}\nexport CSTAR_SIM_NODE={ShellQuote.Quote(address)}\n";
        File.WriteAllText(Path.Combine(home, ".profile"), profile);
        File.WriteAllText(Path.Combine(home, ".bashrc"), profile);
        WriteShims(paths, bin, address);
        File.WriteAllText(paths.HostSshdConfig(address), SshdConfig(paths, options, address, path));
        WriteExecutable(paths.HostLauncher(address), $"""
            #!/bin/sh
            # Runs as pid 1 of this host's own PID namespace (generated). Mounts are private to the host.
            set -e
            mount -t tmpfs -o mode=755 cstar-sim-run /run
            mkdir -p /run/sshd
            cat /proc/sys/kernel/random/uuid > /run/boot_id
            mount --bind /run/boot_id /proc/sys/kernel/random/boot_id
            mount -t tmpfs -o mode=755 cstar-sim-log /var/log
            mount --bind {ShellQuote.Quote(home)} /root
            hostname {ShellQuote.Quote(node.HostName)}
            exec {SshdProgram} -D -e -f {ShellQuote.Quote(paths.HostSshdConfig(address))}

            """);
    }

    private static string SshdConfig(ClusterPaths paths, ClusterOptions options, string address, string path) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"ListenAddress {address}:{options.SshPort}\n")
            .Append(CultureInfo.InvariantCulture, $"HostKey {paths.HostKey(address)}\n")
            .Append(CultureInfo.InvariantCulture, $"AuthorizedKeysFile {paths.AuthorizedKeys}\n")
            .Append("PidFile none\nPubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
            .Append("PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nUseDNS no\nPrintMotd no\nPrintLastLog no\n")
            .Append("MaxStartups 200:30:400\nMaxSessions 100\nX11Forwarding no\nSubsystem sftp internal-sftp\nLogLevel ERROR\n")
            .Append(CultureInfo.InvariantCulture, $"SetEnv PATH={path} CSTAR_SIM_NODE={address} CSTAR_SIM_SOCKET={paths.ControlSocket}\n")
            .ToString();

    private static void WriteShims(ClusterPaths paths, string bin, string address)
    {
        var sim = $"CSTAR_SIM_NODE={ShellQuote.Quote(address)} exec {ShellQuote.Quote(paths.SimulatorScript)}";
        WriteExecutable(Path.Combine(bin, "nodetool"), NodetoolShim.Script(paths.ControlSocket, address));
        WriteExecutable(Path.Combine(bin, "cqlsh"), CqlshShim.Script(paths, address));
        WriteExecutable(Path.Combine(bin, "reboot"), $"#!/bin/sh\n{sim} ctl reboot {address}\n");
        WriteExecutable(Path.Combine(bin, "poweroff"), $"#!/bin/sh\n{sim} ctl poweroff {address}\n");
        WriteExecutable(Path.Combine(bin, "sudo"), """
            #!/bin/sh
            # The session already is root: drop sudo's options and run the command.
            while [ $# -gt 0 ]; do
              case "$1" in
                -u|-g|-C|-p) shift 2 ;;
                --) shift; break ;;
                -*) shift ;;
                *) break ;;
              esac
            done
            exec "$@"

            """);
        var service = $$"""
            case "$verb" in
              stop|start|restart) {{sim}} ctl "$verb" {{address}} ;;
              *) echo "Usage: service cassandra {start|stop|restart}" >&2; exit 2 ;;
            esac

            """;
        WriteExecutable(Path.Combine(bin, "service"), $$"""
            #!/bin/sh
            if [ "$1" != cassandra ]; then echo "$1: unrecognized service" >&2; exit 1; fi
            verb="$2"
            {{service}}
            """);
        WriteExecutable(Path.Combine(bin, "systemctl"), $$"""
            #!/bin/sh
            verb="$1"
            case "$2" in cassandra|cassandra.service) ;; *) echo "Unit $2 not found." >&2; exit 5 ;; esac
            {{service}}
            """);
    }

    private static void WriteExecutable(string file, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
