using System.Reflection;
using Cstar.Cli.Arguments;
using Cstar.Cli.Verbs;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Cstar.Cli.Tests.Errors;

/// <summary>Runs alone: it points HOME at a folder of its own while it runs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HomeChangingGroup
{
    public const string Name = "changes HOME";
}

/// <summary>
/// 10,000 random command lines (seeded: a failure names its seed and case), in process through the entry point,
/// with no cluster: every one ends with an exit code of README's table and none with an internal error (70) or an
/// exception. Values come from a vocabulary of what breaks parsers (empty, negative, huge, out-of-range ports and
/// durations, separators, quotes, non-ASCII, paths that are files or missing); hosts are loopback addresses nothing
/// listens on, so nothing leaves the machine.
/// </summary>
[Collection(HomeChangingGroup.Name)]
public sealed class CommandLineFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261206;
    private const int Cases = 10_000;

    private static readonly string[] Verbs =
        ["run", "restart", "nodetool", "cqlsh", "upgradesstables", "continue", "jobs", "jobs show", "jobs log", "cleanup-jobs", "ring", "help", "--help", "--version", "no-such-verb", ""];

    private static readonly string[] Flags = typeof(JobOptions).Assembly.GetTypes()
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        .SelectMany(p => p.GetCustomAttributes<OptionAttribute>())
        .SelectMany(o => new[] { o.LongName is { Length: > 0 } l ? "--" + l : null, o.ShortName is { } s ? "-" + s : null })
        .OfType<string>()
        .Where(f => f is not "--confirm")
        .Concat(["--no-such-flag", "-x", "--", "-", "--seed-host=127.0.0.1", "--timeout=", "-vvv", "--hosts", "--Seed-Host"])
        .Distinct()
        .ToArray();

    private static string[] Values(string home) =>
    [
        "", " ", "0", "-1", "1", "2", "3", "65535", "65536", "70000", "2147483647", "-2147483648", "99999999999", "1e9", "NaN", "0.5",
        "99999999999d", "9223372036854775807", "30d", "31d", "1h30m", "500ms", "0s", "-5m", "1x", "m",
        "127.0.0.1", "127.0.0.1,127.0.0.2", "::1", "[::1]", "localhost", "127.0.0.1:70000", "root@127.0.0.1:0", ",", ",,", "a b",
        "{{x}}", "'", "\"", "$(id)", "`id`", ";", "é", "日本", "\t", new string('a', 5000),
        "topology", "all", "one", "rack", "nope", "QUORUM", "LOCAL_ONE", "EACH_QUORUM", "text", "json", "-", "openssh", "sshnet", "paramiko",
        "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90", "0B5E4A52-8F2A-4C1E-9D0B-6F3C2E1A7B90", "not-a-uuid",
        home, Path.Combine(home, "missing", "file"), Path.Combine(home, "a-file"), "/proc/version", "/proc/no-such", "/dev/null", "/", ".",
    ];

    [Fact(Timeout = 600_000)]
    public async Task Random_command_lines_end_with_a_documented_exit_code_and_never_an_internal_error()
    {
        var documented = DocumentedExitCodeTests.ReadmeTable().Keys.ToHashSet();
        var home = Path.Combine(Path.GetTempPath(), "cstar-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "a-file"), "{\"127.0.0.1\": {\"x\": 1}}\n127.0.0.1\n");
        var values = Values(home);
        var random = new Random(Seed);
        var savedHome = Environment.GetEnvironmentVariable("HOME");
        Environment.SetEnvironmentVariable("HOME", home);
        var failures = new List<string>();
        var seen = new Dictionary<int, int>();
        try
        {
            for (var i = 0; i < Cases && failures.Count < 5; i++)
            {
                var args = CommandLine(random, values);
                var flavor = random.Next(10) == 0 ? CliFlavor.Cstarpar : CliFlavor.Cstar;
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                int code;
                try
                {
                    code = await CliApplication.RunAsync(args, flavor, stdout, stderr).WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (Exception e)
                {
                    failures.Add($"case {i} (seed {Seed}) {flavor} [{Show(args)}]: threw {e}");
                    continue;
                }

                seen[code] = seen.GetValueOrDefault(code) + 1;
                if (!documented.Contains(code) || code == 70 || stderr.ToString().Contains("   at ", StringComparison.Ordinal))
                {
                    failures.Add($"case {i} (seed {Seed}) {flavor} [{Show(args)}]: exit {code}\n{stderr}");
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", savedHome);
        }

        output.WriteLine("exit codes seen: " + string.Join(", ", seen.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        failures.Should().BeEmpty();
        seen.Keys.Should().Contain([0, 2, 3], "the vocabulary reaches past the parser: " + string.Join(", ", seen.Select(p => $"{p.Key}×{p.Value}")));
    }

    private static string[] CommandLine(Random random, string[] values)
    {
        var args = new List<string>();
        var verb = Verbs[random.Next(Verbs.Length)];
        args.AddRange(verb.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (verb.StartsWith("jobs ", StringComparison.Ordinal) || verb == "continue" || random.Next(8) == 0)
        {
            args.Add(values[random.Next(values.Length)]);
        }

        if (verb is "run" && random.Next(2) == 0)
        {
            args.AddRange(["--command", "true"]);
        }

        if (random.Next(2) == 0)
        {
            args.AddRange(["--seed-host", random.Next(2) == 0 ? "127.0.0.1" : values[random.Next(values.Length)]]);
        }

        for (var n = random.Next(7); n > 0; n--)
        {
            args.Add(Flags[random.Next(Flags.Length)]);
            if (random.Next(4) != 0)
            {
                args.Add(values[random.Next(values.Length)]);
            }
        }

        return [.. args];
    }

    private static string Show(string[] args) => string.Join(' ', args.Select(a => a.Length > 40 ? a[..40] + "…" : a).Select(a => $"'{a}'"));
}
