using System.Text;
using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Argument values reach the script exactly, through its environment, and no shell ever evaluates them:
/// quotes, $(), backticks, pipes, newlines, unicode, empty and very long values.
/// </summary>
[Collection(LoopbackGroup.Name)]
public sealed class HostileArgumentTests
{
    public static readonly IReadOnlyList<string> Values =
    [
        "plain", "", " ", "  leading and trailing  ", "it's", "\"double\"", "'single'", "'\"mixed\"'", "\\", "\\\\'", "back\\slash\\n",
        "$(touch ~/pwned1)", "`touch ~/pwned2`", "; touch ~/pwned3", "| touch ~/pwned4", "&& touch ~/pwned5", "& touch ~/pwned6",
        "$HOME", "${HOME}", "$((1+1))", "$'\\x41'", "!!", "!$", "~", "~root", "*", "?", "[a-z]", "{a,b}", "#comment", "a=b",
        "line1\nline2", "\n", "\r\n", "tab\there", "é ü ß", "日本語", "😀 emoji", "\u202Eright-to-left", "null-ish \\0",
        "'; touch ~/pwned7; echo '", "\"; touch ~/pwned8; echo \"", "$(printf '%s' \"$(touch ~/pwned9)\")", "> ~/pwned10",
        "< /etc/passwd", "2>&1", "exec sh", "-n", "--", "-e foo", new string('x', 10_000), "x" + new string('\'', 500),
        "%s%n%x", "\u0001\u0002\u001b[31mred", "=", "A'B\"C`D$E\\F|G;H&I<J>K(L)M{N}O",
    ];

    [Fact(Timeout = 240_000)]
    public async Task Fifty_hostile_values_arrive_byte_identical_in_the_scripts_environment_and_none_is_executed()
    {
        Values.Count.Should().BeGreaterThanOrEqualTo(50);
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        var commands = Path.Combine(cluster.Directory, "operator-home", ".cstar", "commands");
        Directory.CreateDirectory(commands);
        var header = new StringBuilder("#!/bin/bash\n# C* strategy: one\n# C* description: echo every argument back, base64-encoded\n");
        for (var i = 0; i < Values.Count; i++)
        {
            header.Append($"# C* argument: {{\"option\":\"--v{i}\",\"name\":\"V{i}\",\"required\":true}}\n");
        }

        header.Append($"for i in $(seq 0 {Values.Count - 1}); do n=V$i; printf '%s:%s\\n' \"$i\" \"$(printf '%s' \"${{!n}}\" | base64 -w0)\"; done\n");
        await File.WriteAllTextAsync(Path.Combine(commands, "echoargs.sh"), header.ToString());
        var args = new List<string> { "echoargs" };
        for (var i = 0; i < Values.Count; i++)
        {
            args.Add($"--v{i}");
            args.Add(Values[i]);
        }

        var store = Path.Combine(cluster.Directory, "store");
        args.AddRange(["--host", cluster.Addresses[1], "--output-directory", store]);

        var outcome = await CliOnLoopback.CstarAsync(cluster, [.. args]);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var jobId = Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        var echoed = (await File.ReadAllTextAsync(Path.Combine(store, "jobs", jobId, cluster.Addresses[1], "out")))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => Convert.FromBase64String(p[1]));
        for (var i = 0; i < Values.Count; i++)
        {
            echoed[i].Should().Equal(Encoding.UTF8.GetBytes(Values[i]), $"value #{i} ({Values[i][..Math.Min(20, Values[i].Length)]}) must arrive byte-identical");
        }

        var pwned = await cluster.SshAsync(cluster.Addresses[1], "ls ~ | grep -c pwned || true");
        pwned.StandardOutput.Trim().Should().Be("0", "no value may ever be executed");
    }
}
