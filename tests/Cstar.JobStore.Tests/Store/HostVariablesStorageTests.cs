using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Rendering;
using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

/// <summary>--hosts-variables values live in the stored definition: continue uses them, and jobs stored before them still read.</summary>
public sealed class HostVariablesStorageTests : IDisposable
{
    /// <summary>A definition exactly as the store wrote it before host variables existed.</summary>
    private const string StoredBeforeHostVariables = """
        {"jobId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","commandName":"restart","command":{"scriptText":"#!/bin/sh\n# C* strategy: topology\nnodetool drain \u0026\u0026 systemctl restart cassandra\n","scriptPath":"/home/op/.cstar/commands/restart","sha256":"ab12cd34"},"arguments":[{"name":"snapshot","literal":"true","secret":null,"display":"true"},{"name":"jmx_password","literal":null,"secret":{"environmentVariable":"CSTAR_JMX_PASSWORD"},"display":"\u003Cfrom environment CSTAR_JMX_PASSWORD\u003E"}],"schedulingPolicy":"{\u0022strategy\u0022:\u0022topology\u0022,\u0022dcParallel\u0022:false,\u0022maxConcurrency\u0022:2}","hosts":{"seedHosts":["10.0.0.1"],"hosts":["10.0.0.2","10.0.0.3"],"hostFilePath":"/tmp/hosts.txt","hostFileContents":"10.0.0.2\n10.0.0.3\n","dcFilter":"dc1","rackFilter":"rack1","keyspace":"ks1"},"reason":"rolling restart for CVE-2026-1","clusters":["prod-eu"],"createdAt":"2026-11-01T08:00:00+00:00","runner":"remote"}
        """;

    private readonly TempRoot _root = new();

    [Fact]
    public void Host_variables_load_back_byte_identical_with_the_job_definition()
    {
        var hostile = new[] { "'; rm -rf / #", "$(reboot)", "{{other}}", "line1\nline2", "日本語 😀", string.Empty, "\\\"\u0001" };
        var variables = new HostVariables(ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty
            .Add("10.0.0.2", hostile.Select((v, i) => KeyValuePair.Create($"v{i}", v)).ToImmutableDictionary())
            .Add("::1", ImmutableDictionary<string, string>.Empty.Add("weird name.with-dots", "x")));
        var definition = Jobs.Definition() with { HostVariables = variables };
        using var store = Jobs.Open(_root);
        store.CreateJob(definition, ["10.0.0.2", "::1"]);

        var loaded = store.LoadJob(definition.JobId).Definition;

        loaded.HostVariables.Should().Be(variables);
        loaded.HostVariables.Hosts["10.0.0.2"]["v0"].Should().Be("'; rm -rf / #");
        loaded.HostVariables.Apply("{{v2}}|{{v3}}", "10.0.0.2").Should().Be("{{other}}|line1\nline2");
        loaded.Should().BeEquivalentTo(definition);
    }

    [Fact]
    public void A_definition_stored_before_host_variables_existed_still_reads_with_none()
    {
        var definition = DefinitionJson.TryDeserialize(StoredBeforeHostVariables, out var error);

        error.Should().BeNull();
        definition!.HostVariables.Should().Be(HostVariables.None);
        definition.Arguments.Should().HaveCount(2);
    }

    [Fact]
    public void A_job_row_stored_before_host_variables_existed_loads_and_resumes_without_them()
    {
        using var store = Jobs.Open(_root);
        store.CreateJob(Jobs.Definition(), ["10.0.0.2"]);
        using (var connection = new SqliteConnection($"Data Source={_root.Paths.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET definition_json = $json";
            command.Parameters.AddWithValue("$json", StoredBeforeHostVariables.Trim());
            command.ExecuteNonQuery();
        }

        var loaded = store.LoadJob(Jobs.Definition().JobId).Definition;

        loaded.HostVariables.IsEmpty.Should().BeTrue();
        loaded.Should().BeEquivalentTo(Jobs.Definition());
    }

    [Fact]
    public void Jobs_show_names_the_variables_in_text_and_gives_every_value_in_json()
    {
        var variables = new HostVariables(ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty
            .Add("10.0.0.2", ImmutableDictionary<string, string>.Empty.Add("token", "-42").Add("disk", "/dev/sdb"))
            .Add("10.0.0.3", ImmutableDictionary<string, string>.Empty.Add("token", "7")));
        using var store = Jobs.Open(_root);
        store.CreateJob(Jobs.Definition() with { HostVariables = variables }, ["10.0.0.2", "10.0.0.3"]);
        var details = new JobInspector(store, new HostOutputReader(store, TimeProvider.System)).Show(Jobs.Definition().JobId);

        JobDetailsRenderer.Render(details).Should().Contain("Host vars 2 host(s): disk, token (values: --output json)\n");
        var json = System.Text.Json.JsonDocument.Parse(JobJsonRenderer.Render(details)).RootElement;
        json.GetProperty("definition").GetProperty("hostVariables").GetProperty("hosts").GetProperty("10.0.0.2").GetProperty("token").GetString().Should().Be("-42");
    }

    public void Dispose() => _root.Dispose();
}
