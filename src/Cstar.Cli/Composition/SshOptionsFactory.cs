using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Cstar.Transport;

namespace Cstar.Cli.Composition;

/// <summary>Turns the SSH flags into <see cref="SshOptions"/>; a password is never a flag.</summary>
internal static class SshOptionsFactory
{
    public const string PasswordVariable = "CSTAR_SSH_PASSWORD";

    public static SshOptions From(JobOptions options, IConsolePrompt prompt)
    {
        if (options.SshPassword is not null)
        {
            throw new CstarException(
                "--ssh-password is refused: a password on the command line is visible in ps and in shell history.",
                $"Set {PasswordVariable} in the environment, or let cstar ask for it, or use a key (--ssh-identity-file).");
        }

        var alive = DurationFlag.Parse(options.SshAliveTimeout, "--ssh-alive-timeout") ?? TimeSpan.FromSeconds(15);
        PortFlag.Check(options.SshPort, "--ssh-port");
        PortFlag.Check(options.CqlPort, "--cql-port");

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        return new SshOptions
        {
            Username = options.SshUsername,
            IdentityFile = options.SshIdentityFile,
            Port = options.SshPort,
            KnownHostsFile = options.SshKnownHosts,
            SshConfigFile = options.SshConfig,
            JumpHost = options.JumpHost,
            AcceptNewHostKeys = options.AcceptNewHostKeys,
            RecordAcceptedHostKeys = !options.DryRun,
            AliveTimeout = alive,
            GivenPassword = () => password,
            PasswordPrompt = host => prompt.AskSecret($"SSH password (asked once, used for every host; first: {host}): "),
            PassphrasePrompt = path => prompt.AskSecret($"Passphrase for {path}: "),
        };
    }
}
