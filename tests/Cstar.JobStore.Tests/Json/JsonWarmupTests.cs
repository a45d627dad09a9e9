using Cstar.JobStore.Json;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Json;

/// <summary>The JSON metadata a new job needs is built ahead of use (while discovery runs) without changing what is stored.</summary>
public sealed class JsonWarmupTests : IDisposable
{
    private readonly TempRoot _root = new();

    [Fact]
    public void Preparing_the_json_ahead_succeeds_and_a_definition_is_stored_and_read_back_as_it_was()
    {
        var prepare = JsonWarmup.Prepare;

        prepare.Should().NotThrow("a warm-up that always fails would silently leave the work after discovery");
        using var store = Jobs.Open(_root);
        var definition = Jobs.Definition();
        store.CreateJob(definition, ["h1"]);
        store.LoadJob(definition.JobId).Definition.Should().BeEquivalentTo(definition);
    }

    public void Dispose() => _root.Dispose();
}
