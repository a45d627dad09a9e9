using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class HostVariablesRunTests
{
    [Fact(Timeout = 30_000)]
    public async Task Each_host_is_handed_its_own_substituted_environment_on_start_and_on_resume()
    {
        var h = new RunnerHarness(nodes: 3);
        var variables = new HostVariables(h.Ring.Addresses.ToImmutableDictionary(
            a => a, a => ImmutableDictionary<string, string>.Empty.Add("dir", "/data/" + a)));
        var basic = h.Request();
        var request = basic with
        {
            Definition = basic.Definition with { Arguments = [JobArgument.FromLiteral("TARGET", "{{dir}}/x")] } with { HostVariables = variables },
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["TARGET"] = "{{dir}}/x" },
            StopAfter = 1,
        };
        var seen = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        h.Hosts.OnCall = r => seen[r.Host] = r.Environment["TARGET"];

        await h.RunAsync(request);
        var stored = h.Store.LoadJob(h.JobId).Definition;
        await h.RunAsync(request with { Definition = stored, Resume = true, StopAfter = null });

        seen.Should().HaveCount(3);
        foreach (var address in h.Ring.Addresses)
        {
            seen[address].Should().Be($"/data/{address}/x");
        }
    }
}
