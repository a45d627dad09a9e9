using Cstar.Cli.Arguments;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Scheduling;

namespace Cstar.Cli.Verbs;

/// <summary>
/// Every job flag value that can be judged without the cluster, judged before any SSH: a mistake is a usage
/// error (exit 2) naming the flag, not a refusal after minutes of discovery.
/// </summary>
internal static class JobFlagCheck
{
    private static readonly string[] Strategies = ["one", "topology", "all", "rack"];
    private static readonly string[] Levels = ["LOCAL_QUORUM", "QUORUM", "EACH_QUORUM", "LOCAL_ONE", "ONE"];
    private static readonly string[] SshLibraries = ["sshnet", "ssh.net", "paramiko", "openssh"];

    public static void Validate(JobOptions options, CommandHeader header, VerbSyntax syntax)
    {
        if (!options.SeedHosts.Any() && !options.Hosts.Any() && options.HostFile is null)
        {
            throw syntax.Error("no hosts given: give --seed-host, --host or --host-file.");
        }

        if (options.SshPassword is not null)
        {
            throw syntax.Error("`--ssh-password` is refused: a password on the command line is visible in ps and in shell history; set CSTAR_SSH_PASSWORD or let cstar ask.");
        }

        OneOf(options.Strategy, "--strategy", Strategies, syntax, ignoreCase: true);
        OneOf(options.KeepConsistency?.Replace('-', '_'), "--keep-consistency", Levels, syntax, ignoreCase: true);
        OneOf(options.SshLib, "--ssh-lib", SshLibraries, syntax, ignoreCase: true);
        OneOf(options.Output, "--output", ["text", "json"], syntax, ignoreCase: true);
        Values(options, syntax);
        if (options.MaxFailures is < 0)
        {
            throw syntax.Error($"`--max-failures` must be 0 or more; got {options.MaxFailures}.");
        }

        if (options.EnforcedJobId is { } id && !(Guid.TryParse(id, out var guid) && guid.ToString() == id))
        {
            throw syntax.Error($"`--enforced-job-id` '{id}' is not a lower-case UUID like 0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90.");
        }

        Rethrown(syntax, () => JobSetupBuilder.Policy(options, header));
        Exists(options.HostFile, "--host-file", syntax);
        Exists(options.HostsVariables, "--hosts-variables", syntax);
        Exists(options.SshIdentityFile, "--ssh-identity-file", syntax);
        Exists(options.SshConfig, "--ssh-config", syntax);
    }

    /// <summary>
    /// The ports and durations alone: also what `continue` checks of a job's stored flags (files named there may be
    /// gone by then: the job keeps what it read from them).
    /// </summary>
    public static void Values(JobOptions options, VerbSyntax syntax)
    {
        if (options.MaxPendingCompactions is < 1)
        {
            throw syntax.Error($"`--max-pending-compactions` must be 1 or more (a host starts when fewer than N compactions are pending); got {options.MaxPendingCompactions}.");
        }

        Port(options.SshPort, "--ssh-port", syntax);
        Port(options.CqlPort, "--cql-port", syntax);
        Rethrown(syntax, () =>
        {
            DurationFlag.Parse(options.Timeout, "--timeout");
            DurationFlag.Parse(options.WaitTimeout, "--wait-timeout");
            DurationFlag.Parse(options.SshAliveTimeout, "--ssh-alive-timeout");
            DurationFlag.Parse(options.EstimatePerHost, "--estimate-per-host");
            DurationFlag.Parse(options.ReconnectWindow, "--reconnect-window");
            if (options.DcOrder.Any())
            {
                StrategyResolver.ParseDcOrder(string.Join(',', options.DcOrder));
            }
        });
    }

    private static void OneOf(string? value, string flag, string[] allowed, VerbSyntax syntax, bool ignoreCase)
    {
        if (value is null || allowed.Contains(value.Trim(), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal))
        {
            return;
        }

        var guess = Spelling.Closest(value.Trim().ToLowerInvariant(), allowed.Select(a => a.ToLowerInvariant()));
        var close = guess is null ? string.Empty : $"; did you mean `{allowed.First(a => a.Equals(guess, StringComparison.OrdinalIgnoreCase))}`?";
        throw syntax.Error($"`{flag}` '{value}' is not one of {string.Join(", ", allowed)}{close}");
    }

    private static void Port(int? port, string flag, VerbSyntax syntax)
    {
        if (port is not null and not (>= 1 and <= 65535))
        {
            throw syntax.Error($"`{flag}` {port} is not a port (1 to 65535).");
        }
    }

    private static void Exists(string? path, string flag, VerbSyntax syntax)
    {
        if (path is not null && !File.Exists(path))
        {
            throw syntax.Error($"`{flag}` {path}: no such file.");
        }
    }

    private static void Rethrown(VerbSyntax syntax, Action check)
    {
        try
        {
            check();
        }
        catch (CstarException e) when (e is not CommandLineError)
        {
            throw syntax.Error(e.Hint is { Length: > 0 } hint ? $"{e.Message} {hint}" : e.Message);
        }
    }
}
