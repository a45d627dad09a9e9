using System.Text;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Rendering;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Safety;

public sealed class SecretLeakTests : IDisposable
{
    private const string SecretValue = "Tr0ub4dor&3-correct-horse";
    private const string SecretVariable = "CSTAR_SSH_PASSWORD";
    private readonly TempRoot _root = new();

    [Fact]
    public void A_password_given_through_the_environment_is_nowhere_in_the_store_its_outputs_or_its_events()
    {
        // The engine receives the secret's value and the variable it came from; only the name may be persisted.
        var inputs = (Name: "ssh_password", Variable: SecretVariable, Value: SecretValue);
        var definition = Jobs.Definition() with
        {
            Arguments = [JobArgument.FromLiteral("snapshot", "true"), JobArgument.FromEnvironment(inputs.Name, inputs.Variable)],
        };
        string shown;
        using (var store = Jobs.Open(_root))
        using (var events = NdjsonEventWriter.Open(Path.Combine(_root.Path, "events.ndjson"), TextWriter.Null))
        {
            store.CreateJob(definition, ["10.0.0.1", "10.0.0.2"]);
            events.Handle(new JobStartedEvent(Jobs.T0, definition.JobId, "restart", ["prod-eu"], 2, false));
            store.TryAcquireClusterLock("prod-eu", definition.JobId);
            using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(definition.JobId, "10.0.0.1"))
            {
                writer.Append(OutputChannel.Out, "restarted cassandra\n"u8);
                writer.WriteStatus(0);
            }

            Jobs.Succeed(store, definition.JobId, "10.0.0.1", Jobs.T0);
            store.RecordHostTransition(definition.JobId, "10.0.0.2", HostTransition.Starting(Jobs.T0));
            store.RecordHostTransition(definition.JobId, "10.0.0.2", HostTransition.Failed(Jobs.T0, null, "authentication failed"));
            store.RecordJobState(definition.JobId, JobState.Finished, Jobs.T0.AddHours(1));
            events.Handle(new JobEndedEvent(Jobs.T0, definition.JobId, JobState.Finished, HostCounts.Empty with { Succeeded = 1, Failed = 1 }));
            shown = JobDetailsRenderer.Render(new JobInspector(store, new HostOutputReader(store, TimeProvider.System)).Show(definition.JobId));

            // While the store is open, the WAL and shm files hold the latest pages: search them too.
            AllBytesUnderRoot().Should().NotContain(b => Contains(b.Bytes, SecretValue), "secret must not be in " + string.Join(", ", Files()));
        }

        var everything = AllBytesUnderRoot();
        Files().Should().Contain(f => f.EndsWith("jobs.db")).And.Contain(f => f.EndsWith("out")).And.Contain(f => f.EndsWith("events.ndjson"));
        everything.Should().NotContain(b => Contains(b.Bytes, SecretValue));
        shown.Should().NotContain(SecretValue).And.Contain("<from environment CSTAR_SSH_PASSWORD>");

        // Positive control: the search does read the database, since the variable's NAME is found there.
        everything.Should().Contain(b => b.File.EndsWith("jobs.db") && Contains(b.Bytes, SecretVariable));
    }

    public void Dispose() => _root.Dispose();

    private static bool Contains(byte[] haystack, string secret) =>
        new[]
        {
            Encoding.UTF8.GetBytes(secret),
            Encoding.Unicode.GetBytes(secret),
            Encoding.BigEndianUnicode.GetBytes(secret),
            Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret))),
        }.Any(needle => haystack.AsSpan().IndexOf(needle) >= 0);

    private List<string> Files() => Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories).ToList();

    private List<(string File, byte[] Bytes)> AllBytesUnderRoot() => Files().Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (f, copy.ToArray());
    }).ToList();
}
