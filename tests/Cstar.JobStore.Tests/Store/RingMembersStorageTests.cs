using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

/// <summary>The ring members kept with a job (continue rediscovers from them when its seeds are gone); jobs stored before them still read.</summary>
public sealed class RingMembersStorageTests : IDisposable
{
    private const string StoredBeforeRingMembers = """
        {"jobId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","commandName":"restart","command":{"scriptText":"nodetool drain\n","scriptPath":null,"sha256":"ab12cd34"},"arguments":[],"schedulingPolicy":"[]","hosts":{"seedHosts":["10.0.0.1"],"hosts":[],"hostFilePath":null,"hostFileContents":null,"dcFilter":null,"rackFilter":null,"keyspace":null},"reason":null,"clusters":["prod-eu"],"createdAt":"2026-11-01T08:00:00+00:00","runner":"remote"}
        """;

    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void The_ring_members_load_back_with_the_job_definition()
    {
        var definition = Jobs.Definition() with { RingMembers = ["10.0.0.1", "10.0.0.2", "fd00::3"] };
        using var store = Jobs.Open(_root);
        store.CreateJob(definition, ["10.0.0.2"]);

        var loaded = store.LoadJob(definition.JobId).Definition;

        loaded.RingMembers.Should().Equal("10.0.0.1", "10.0.0.2", "fd00::3");
    }

    [Fact]
    public void A_definition_stored_before_ring_members_were_kept_reads_with_none()
    {
        var definition = DefinitionJson.TryDeserialize(StoredBeforeRingMembers, out var error);

        error.Should().BeNull();
        definition!.RingMembers.Should().BeEmpty();
    }
}
