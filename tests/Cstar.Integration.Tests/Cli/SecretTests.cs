using System.Text;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>A secret given through the environment reaches the script and nothing else: not the store, not the job folder, not a command line.</summary>
[Trait("Category", "Loopback")]
public sealed class SecretTests
{
    private const string Secret = "S3cr3t-pa55w0rd-7f1c";

    [SkippableFact(Timeout = 240_000)]
    public async Task A_secret_argument_reaches_the_script_but_no_store_file_output_or_remote_command_line()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        var commands = Path.Combine(cluster.Directory, "operator-home", ".cstar", "commands");
        Directory.CreateDirectory(commands);
        await File.WriteAllTextAsync(Path.Combine(commands, "usesecret.sh"),
            "#!/bin/bash\n# C* strategy: one\n# C* argument: {\"option\":\"--db-password\",\"name\":\"DB_PASSWORD\",\"secret\":true}\n"
            + "for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < \"$f\" 2>/dev/null; echo; done > ~/cmdlines\n"
            + "ls -la ~/.cstar/remote-jobs/*/*/ > ~/runfolder 2>&1\n"
            + "printf 'received %s\\n' \"$(printf '%s' \"$DB_PASSWORD\" | sha256sum | cut -c1-64)\"\n");
        var store = Path.Combine(cluster.Directory, "store");

        var outcome = await CliOnLoopback.CstarAsync(
            cluster, new Dictionary<string, string?> { ["DB_PASSWORD"] = Secret }, "usesecret", "--seed-host", cluster.Addresses[0], "--output-directory", store, "-v");
        var refused = await CliOnLoopback.CstarAsync(cluster, "usesecret", "--db-password", "x", "--seed-host", cluster.Addresses[0], "--output-directory", store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var expectedHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
        outcome.StandardOutput.Should().Contain("received " + expectedHash, "the script must receive the secret (it prints only its hash)");
        (outcome.StandardOutput + outcome.StandardError).Should().NotContain(Secret);
        foreach (var file in Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var form in new[] { Encoding.UTF8.GetBytes(Secret), Encoding.Unicode.GetBytes(Secret), Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))) })
            {
                bytes.AsSpan().IndexOf(form).Should().Be(-1, $"{file} must not hold the secret");
            }
        }

        foreach (var host in cluster.Addresses)
        {
            var cmdlines = await cluster.SshAsync(host, "cat ~/cmdlines 2>/dev/null; echo; cat ~/.bash_history 2>/dev/null");
            cmdlines.StandardOutput.Should().NotContain(Secret, $"no command line on {host} may carry the secret");
            var leftovers = await cluster.SshAsync(host, "grep -rl " + Secret + " ~/.cstar 2>/dev/null | wc -l");
            leftovers.StandardOutput.Trim().Should().Be("0", "the run folder with its environment file is removed after the run");
        }

        refused.ExitCode.Should().Be(2, refused.ToString());
        refused.StandardError.Should().Contain("--db-password takes no value on the command line");
    }
}
