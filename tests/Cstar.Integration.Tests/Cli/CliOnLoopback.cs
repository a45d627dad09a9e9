using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;

namespace Cstar.Integration.Tests.Cli;

/// <summary>Runs the published cstar against a loopback cluster with the cluster's own SSH files, as a user would.</summary>
internal static class CliOnLoopback
{
    public static string[] SshFlags(LoopbackCluster cluster) =>
    [
        "--ssh-username", "root",
        "--ssh-identity-file", cluster.IdentityFile,
        "--ssh-known-hosts", cluster.KnownHostsPath,
    ];

    public static Task<ProcessOutcome> CstarAsync(LoopbackCluster cluster, params string[] args) =>
        CstarAsync(cluster, new Dictionary<string, string?>(), args);

    public static Task<ProcessOutcome> CstarAsync(LoopbackCluster cluster, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CstarWithInputAsync(cluster, environment, null, args);

    /// <summary>With <paramref name="standardInput"/> typed on stdin (then closed), e.g. the answers to --confirm.</summary>
    public static async Task<ProcessOutcome> CstarWithInputAsync(LoopbackCluster cluster, IReadOnlyDictionary<string, string?> environment, string? standardInput, params string[] args)
    {
        var withSsh = args is ["jobs", ..] or ["continue", ..] or ["cleanup-jobs", ..] or ["attach", ..] or ["pause", ..] or ["resume", ..] or ["set", ..] ? args : [.. args, .. SshFlags(cluster)];
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        return await ProcessRunner.RunAsync(
            await PublishedCli.CstarAsync(),
            withSsh,
            TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string?>(environment) { ["HOME"] = home, ["TERM"] = "dumb" },
            standardInput: standardInput);
    }
}
