using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// A command writing bytes that are not UTF-8 (and NULs) to stdout and stderr: the published cstar (both SSH
/// libraries) and cstarpar store them exactly, checked by sha256 computed on the host and on the stored files.
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class ByteExactOutputTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    /// <summary>Random bytes plus fixed invalid sequences (a lone 0xFF, a surrogate, a character cut at the end) on both streams.</summary>
    private const string Command =
        "{ printf 'a\\000\\377\\376b\\300\\n'; head -c 200000 /dev/urandom; printf '\\342\\202'; } > ~/sent-out; "
        + "{ printf '\\000\\200err\\355\\240\\200'; head -c 50000 /dev/urandom; } > ~/sent-err; "
        + "sha256sum < ~/sent-out > ~/sent-out.sha; sha256sum < ~/sent-err > ~/sent-err.sha; "
        + "cat ~/sent-out; cat ~/sent-err >&2";

    private readonly string _store = Path.Combine(fixture.Cluster.Directory, "store-" + Guid.NewGuid().ToString("N"));

    private LoopbackCluster Cluster => fixture.Cluster;

    [SkippableTheory(Timeout = 240_000)]
    [InlineData("sshnet")]
    [InlineData("openssh")]
    public async Task Cstar_stores_out_and_err_byte_exact(string sshLib)
    {
        var outcome = await CliOnLoopback.CstarAsync(
            Cluster, "run", "--command", Command, "--seed-host", Cluster.Addresses[0], "--all", "--ssh-lib", sshLib, "--output-directory", _store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        await StoredBytesMatchTheHostsAsync(JobId(outcome));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cstarpar_stores_out_and_err_byte_exact()
    {
        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarparAsync(),
            ["--seed-host", Cluster.Addresses[0], "--all", "--output-directory", _store, .. CliOnLoopback.SshFlags(Cluster),
             "--", "ssh", "-F", Cluster.SshConfigPath, "{}", Command],
            TimeSpan.FromSeconds(120));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        await StoredBytesMatchTheHostsAsync(JobId(outcome));
    }

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    private async Task StoredBytesMatchTheHostsAsync(string jobId)
    {
        foreach (var host in Cluster.Addresses)
        {
            foreach (var stream in (string[])["out", "err"])
            {
                var sent = await Cluster.SshAsync(host, $"cat ~/sent-{stream}.sha");
                var stored = await File.ReadAllBytesAsync(Path.Combine(_store, "jobs", jobId, host, stream));
                Convert.ToHexStringLower(SHA256.HashData(stored)).Should().Be(sent.StandardOutput.Split(' ')[0], $"{host}'s {stream} must hold the bytes the command wrote");
            }
        }
    }
}
