using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Argument values reach the script exactly, through its environment, and no shell ever evaluates them:
/// quotes, $(), backticks, pipes, newlines, unicode, empty and very long values.
/// </summary>
[Trait("Category", "Loopback")]
public sealed class HostileArgumentTests(HostileArgumentCluster fixture) : IClassFixture<HostileArgumentCluster>
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

    /// <summary>
    /// Through --hosts-variables, on top of <see cref="Values"/>: values that look like placeholders or cstarpar
    /// tokens, which must arrive literally (substitution is one pass, never recursive).
    /// </summary>
    public static readonly IReadOnlyList<string> VariableValues = [.. Values, "{{x0}}", "pre {{x1}} post", "{}", "{host}", "{{", "}}"];

    private LoopbackCluster Cluster => fixture.Cluster;

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    /// <summary>Host A's value for placeholder i is value i; host B's is value i+1: every host gets its own set.</summary>
    private static string ValueFor(int host, int i) => VariableValues[(i + host) % VariableValues.Count];

    /// <summary>Argument i: the placeholder alone (even i) or with literal text around it (odd i).</summary>
    private static string Argument(int i) => i % 2 == 0 ? $"{{{{x{i}}}}}" : $"<{{{{x{i}}}}}>";

    private static byte[] Expected(int host, int i) => Encoding.UTF8.GetBytes(i % 2 == 0 ? ValueFor(host, i) : $"<{ValueFor(host, i)}>");

    private static async Task<Dictionary<int, byte[]>> EchoedAsync(string outFile) =>
        (await File.ReadAllTextAsync(outFile))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => Convert.FromBase64String(p[1]));

    private async Task<string> WriteVariablesAsync(string name, params string[] hosts)
    {
        var file = new Dictionary<string, Dictionary<string, string>>();
        for (var h = 0; h < hosts.Length; h++)
        {
            file[hosts[h]] = Enumerable.Range(0, VariableValues.Count).ToDictionary(i => $"x{i}", i => ValueFor(h, i));
        }

        var path = Path.Combine(Cluster.Directory, name);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(file));
        return path;
    }

    private async Task ShouldNotBePwnedAsync(string host)
    {
        var pwned = await Cluster.SshAsync(host, "ls ~ | grep -c pwned || true");
        pwned.StandardOutput.Trim().Should().Be("0", $"no value may ever be executed (on {host})");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Fifty_hostile_values_arrive_byte_identical_in_the_scripts_environment_and_none_is_executed()
    {
        Values.Count.Should().BeGreaterThanOrEqualTo(50);
        await fixture.WriteEchoCommandAsync("echoargs", Values.Count);
        var args = new List<string> { "echoargs" };
        for (var i = 0; i < Values.Count; i++)
        {
            args.Add($"--v{i}");
            args.Add(Values[i]);
        }

        var store = Path.Combine(Cluster.Directory, "store");
        args.AddRange(["--host", Cluster.Addresses[1], "--output-directory", store]);

        var outcome = await CliOnLoopback.CstarAsync(Cluster, [.. args]);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var echoed = await EchoedAsync(Path.Combine(store, "jobs", JobId(outcome), Cluster.Addresses[1], "out"));
        for (var i = 0; i < Values.Count; i++)
        {
            echoed[i].Should().Equal(Encoding.UTF8.GetBytes(Values[i]), $"value #{i} ({Values[i][..Math.Min(20, Values[i].Length)]}) must arrive byte-identical");
        }

        await ShouldNotBePwnedAsync(Cluster.Addresses[1]);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Hostile_values_from_hosts_variables_arrive_byte_identical_on_their_own_host_and_continue_uses_the_stored_ones_after_the_file_is_deleted()
    {
        VariableValues.Count.Should().BeGreaterThanOrEqualTo(50);
        var (a, b) = (Cluster.Addresses[0], Cluster.Addresses[2]);
        await fixture.WriteEchoCommandAsync("echovars", VariableValues.Count);
        var store = Path.Combine(Cluster.Directory, "store-vars");
        var args = new List<string> { "echovars" };
        for (var i = 0; i < VariableValues.Count; i++)
        {
            args.AddRange([$"--v{i}", Argument(i)]);
        }

        args.AddRange(["--host", $"{a},{b}", "--output-directory", store]);
        var incomplete = await WriteVariablesAsync("incomplete.json", a);
        var dryRun = await CliOnLoopback.CstarAsync(Cluster, [.. args, "--hosts-variables", incomplete, "--dry-run"]);
        var file = await WriteVariablesAsync("vars.json", a, b);

        var canary = await CliOnLoopback.CstarAsync(Cluster, [.. args, "--hosts-variables", file, "--stop-after", "1"]);
        var jobId = JobId(canary);
        var ranOnA = File.Exists(Path.Combine(store, "jobs", jobId, a, "out"));
        var ranOnB = File.Exists(Path.Combine(store, "jobs", jobId, b, "out"));
        File.Delete(file);
        var resumed = await CliOnLoopback.CstarAsync(Cluster, "continue", jobId, "--output-directory", store);

        dryRun.ExitCode.Should().Be(2, "a dry run checks the file too: " + dryRun);
        dryRun.StandardError.Should().Contain($"{b} lacks x0, x1, x10");
        canary.ExitCode.Should().Be(4, canary.ToString());
        canary.StandardOutput.Should().Contain("Host variables: values for 2 host(s)");
        (ranOnA ^ ranOnB).Should().BeTrue("--stop-after 1 runs exactly one host before continue");
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        resumed.StandardError.Should().Contain("the values stored with the job are used");
        foreach (var (host, index) in new[] { (a, 0), (b, 1) })
        {
            var echoed = await EchoedAsync(Path.Combine(store, "jobs", jobId, host, "out"));
            echoed.Should().HaveCount(VariableValues.Count);
            for (var i = 0; i < VariableValues.Count; i++)
            {
                var value = ValueFor(index, i);
                echoed[i].Should().Equal(Expected(index, i), $"{host}'s value #{i} ({value[..Math.Min(20, value.Length)]}) must arrive byte-identical");
            }

            await ShouldNotBePwnedAsync(host);
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cstarpar_hands_each_host_its_own_hostile_values_as_single_argv_words_never_to_a_shell()
    {
        var (a, b) = (Cluster.Addresses[0], Cluster.Addresses[1]);
        var file = await WriteVariablesAsync("par-vars.json", a, b);
        var store = Path.Combine(Cluster.Directory, "store-par");
        var pwned = Path.Combine(Cluster.Directory, "par-home");
        Directory.CreateDirectory(pwned);
        var placeholders = Enumerable.Range(0, VariableValues.Count).Select(Argument);

        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarparAsync(),
            ["--host", $"{a},{b}", "--output-directory", store, "--hosts-variables", file, .. CliOnLoopback.SshFlags(Cluster),
             "--", "sh", "-c", "i=0; for v; do printf '%s:' $i; printf '%s' \"$v\" | base64 -w0; echo; i=$((i+1)); done", "sh", .. placeholders],
            TimeSpan.FromSeconds(120),
            workingDirectory: pwned,
            environment: new Dictionary<string, string?> { ["HOME"] = pwned });

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        foreach (var (host, index) in new[] { (a, 0), (b, 1) })
        {
            var echoed = await EchoedAsync(Path.Combine(store, "jobs", JobId(outcome), host, "out"));
            echoed.Should().HaveCount(VariableValues.Count);
            for (var i = 0; i < VariableValues.Count; i++)
            {
                echoed[i].Should().Equal(Expected(index, i), $"{host}'s value #{i} must arrive byte-identical");
            }
        }

        Directory.EnumerateFileSystemEntries(pwned, "pwned*", SearchOption.AllDirectories).Should().BeEmpty("no value may ever be executed");
    }
}
