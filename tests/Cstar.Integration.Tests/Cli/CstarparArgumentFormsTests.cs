using Cstar.Integration.Tests.Loopback;
using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// The published cstarpar takes its command where cstar users put it: after a list flag, after `--flag=value`,
/// after `--` — on a 3-host loopback cluster, each host reached with plain ssh.
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class CstarparArgumentFormsTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    public static TheoryData<string, string[]> Forms => new()
    {
        { "seed-space", ["--seed-host", "SEED", "COMMAND"] },
        { "seed-equals", ["--seed-host=SEED", "COMMAND"] },
        { "list-then-command", ["--allow-unavailable", "system_auth", "COMMAND", "--seed-host", "SEED"] },
        { "dash-dash", ["--seed-host", "SEED", "--", "COMMAND"] },
    };

    [SkippableTheory(Timeout = 180_000)]
    [MemberData(nameof(Forms))]
    public async Task Cstarpar_runs_its_command_on_every_host_whatever_the_form_of_its_arguments(string form, string[] template)
    {
        var cluster = fixture.Cluster;
        var command = $"ssh -F {cluster.SshConfigPath} {{}} hostname";
        var store = Path.Combine(cluster.Directory, "store-" + form);
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        string[] args =
        [
            .. template.Select(w => w.Replace("SEED", cluster.Addresses[0], StringComparison.Ordinal).Replace("COMMAND", command, StringComparison.Ordinal)),
            "--all", "--output-directory", store, .. CliOnLoopback.SshFlags(cluster),
        ];
        if (template.Contains("--"))
        {
            // after `--` every word is the command: flags go first
            args = [.. args.SkipWhile(w => w != "--").Skip(2), .. args.TakeWhile(w => w != "--"), "--", command];
        }

        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarparAsync(), args, TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string?> { ["HOME"] = home, ["TERM"] = "dumb" });

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        foreach (var node in cluster.Nodes)
        {
            outcome.StandardOutput.Should().Contain(node.HostName, $"{form}: the command ran for {node.Address}");
        }
    }
}
