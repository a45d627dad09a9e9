using Cstar.Integration.Tests.Loopback;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Everything a real job leaves under the job store — jobs.db and its -wal/-shm, the job and host folders, out, err,
/// status, cstar.log — is the operator's alone whatever the umask: folders 0700, files 0600.
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateFilesTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    private LoopbackCluster Cluster => fixture.Cluster;

    [SkippableTheory(Timeout = 240_000)]
    [InlineData("000", "cstar")]
    [InlineData("022", "cstar")]
    [InlineData("000", "cstarpar")]
    public async Task Every_folder_is_0700_and_every_file_0600_under_umask(string umask, string program)
    {
        var home = Path.Combine(Cluster.Directory, "umask-" + umask + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var cstar = program == "cstar" ? await PublishedCli.CstarAsync() : await PublishedCli.CstarparAsync();
        string[] job = program == "cstar" ? ["run", "--command", "echo out; echo err >&2"] : [];
        string[] tail = program == "cstar" ? [] : ["--", "sh", "-c", "echo out {}; echo err >&2"];
        string[] args = [.. job, "--seed-host", Cluster.Addresses[0], "--all", .. CliOnLoopback.SshFlags(Cluster), .. tail];

        var outcome = await ProcessRunner.RunAsync(
            "/bin/sh", ["-c", $"umask {umask}; exec \"$0\" \"$@\"", cstar, .. args], TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string?> { ["HOME"] = home, ["TERM"] = "dumb" });

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var store = Path.Combine(home, ".cstar");
        var folders = Directory.GetDirectories(store, "*", SearchOption.AllDirectories).Append(store).ToList();
        var files = Directory.GetFiles(store, "*", SearchOption.AllDirectories).ToList();
        files.Select(Path.GetFileName).Should().Contain(["jobs.db", "out", "err", "status", "cstar.log"]);
        folders.Where(f => File.GetUnixFileMode(f) != (UnixFileMode)Convert.ToInt32("700", 8)).Should().BeEmpty();
        files.Where(f => File.GetUnixFileMode(f) != (UnixFileMode)Convert.ToInt32("600", 8))
            .Select(f => $"{f} {Convert.ToString((int)File.GetUnixFileMode(f), 8)}").Should().BeEmpty();
    }
}
