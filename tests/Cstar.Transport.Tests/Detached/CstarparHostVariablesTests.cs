using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using Cstar.Transport.Local;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>cstarpar's command words with --hosts-variables: one pass, the host's values inserted as they are.</summary>
public sealed class CstarparHostVariablesTests : IDisposable
{
    private static readonly HostPlacement Placement = new("10.1.2.3", "c1", "dc1", "r1");

    private static readonly HostVariables Variables = new(ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty
        .Add("10.1.2.3", ImmutableDictionary<string, string>.Empty.Add("disk", "/dev/sdb").Add("tricky", "{} {dc} {{disk}} $(id) ;x"))
        .Add("10.9.9.9", ImmutableDictionary<string, string>.Empty.Add("disk", "/dev/other")));

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstar-hostvars-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void The_hosts_values_replace_placeholders_and_the_placement_tokens_still_work_around_them() =>
        DetachedRunners.Substitute(["ssh", "{}", "wipe {{disk}} in {dc}/{rack}"], Placement, Variables)
            .Should().Equal("ssh", "10.1.2.3", "wipe /dev/sdb in dc1/r1");

    [Fact]
    public void A_value_holding_tokens_or_placeholders_is_inserted_literally() =>
        DetachedRunners.Substitute(["[{{tricky}}]"], Placement, Variables).Should().Equal("[{} {dc} {{disk}} $(id) ;x]");

    [Fact]
    public void Without_variables_the_words_are_substituted_as_before() =>
        DetachedRunners.Substitute(["{{disk}}", "{{}}", "{host}"], Placement).Should().Equal("{{disk}}", "{10.1.2.3}", "10.1.2.3");

    [Fact(Timeout = 30_000)]
    public async Task The_local_run_receives_its_hosts_value_as_one_argv_word_never_run_by_a_shell()
    {
        var outputs = new InMemoryHostOutputStore();
        var runner = DetachedRunners.Local(new LocalTransport(), "printf '<%s>' {} {{tricky}}", _dir, variables: Variables);
        var request = new HostRunRequest(
            "job", Placement.Host, Placement, false, DateTimeOffset.UtcNow, null, ImmutableDictionary<string, string>.Empty,
            outputs.Sink("job", Placement.Host), _ => { });

        var result = await runner.RunAsync(request, CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        outputs.Out(Placement.Host).Should().Be("<10.1.2.3><{} {dc} {{disk}} $(id) ;x>");
    }
}
