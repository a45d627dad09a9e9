using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Cstar.Transport;
using Cstar.Transport.Execution;
using Cstar.Transport.OpenSsh;
using Cstar.Transport.SshNet;

namespace Cstar.Cli.Composition;

/// <summary>Chooses the SSH implementation: SSH.NET by default, the OpenSSH client with --ssh-lib openssh.</summary>
internal static class TransportFactory
{
    public static CommandTransportBase Create(JobOptions options, SshOptions ssh, TimeProvider time) =>
        (options.SshLib ?? "sshnet").ToUpperInvariant() switch
        {
            "SSHNET" or "SSH.NET" or "PARAMIKO" => new SshNetTransport(ssh, time),
            "OPENSSH" => new OpenSshTransport(ssh, time),
            _ => throw new CstarException(
                $"--ssh-lib '{options.SshLib}' is not known.",
                "Use --ssh-lib sshnet (the default, in process) or --ssh-lib openssh (the ssh client: agent, ProxyCommand, full ssh_config)."),
        };
}
