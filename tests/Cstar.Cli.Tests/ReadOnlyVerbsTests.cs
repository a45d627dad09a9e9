using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>The published cstar on a fresh HOME: reading verbs create nothing; an unresolvable seed is reported as such.</summary>
public sealed class ReadOnlyVerbsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _home = Directory.CreateTempSubdirectory("cstar-fresh-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private async Task<ProcessOutcome> CstarAsync(params string[] args) =>
        await ProcessRunner.RunAsync(await PublishedCli.CstarAsync(), args, Timeout, environment: new Dictionary<string, string?> { ["HOME"] = _home }, standardInput: string.Empty);

    [Fact(Timeout = 600_000)]
    public async Task Reading_verbs_on_a_fresh_home_create_no_file_or_folder()
    {
        foreach (var args in new string[][] { ["jobs"], ["jobs", "--output", "json"], ["cleanup-jobs"], ["--help"], ["ring", "--help"], ["run", "--help"], ["jobs", "show", "latest"], ["continue", "latest"] })
        {
            var outcome = await CstarAsync(args);

            outcome.ExitCode.Should().BeOneOf([0, 3], outcome.ToString());
            Directory.EnumerateFileSystemEntries(_home, "*", SearchOption.AllDirectories).Should().BeEmpty(string.Join(' ', args));
        }
    }

    [Fact(Timeout = 600_000)]
    public async Task A_seed_name_that_does_not_resolve_is_reported_as_a_name_resolution_failure_not_an_authentication_one()
    {
        var outcome = await CstarAsync("ring", "--seed-host", "no-such-host.invalid");

        outcome.ExitCode.Should().Be(3, outcome.ToString());
        outcome.StandardError.Should().Contain("name resolution failed").And.NotContainEquivalentOf("authentication");
    }
}
