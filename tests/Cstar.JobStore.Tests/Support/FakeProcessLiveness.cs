using Cstar.JobStore.Processes;

namespace Cstar.JobStore.Tests.Support;

/// <summary>Process liveness the test decides: "this process" is <see cref="Current"/>; others are alive only if listed.</summary>
public sealed class FakeProcessLiveness : IProcessLiveness
{
    private readonly HashSet<ProcessIdentity> _alive = [];

    public FakeProcessLiveness(long pid = 4242, long start = 1)
    {
        Current = new ProcessIdentity(pid, start);
        _alive.Add(Current);
    }

    public ProcessIdentity Current { get; set; }

    public bool IsAlive(ProcessIdentity process) => _alive.Contains(process);

    public void Live(ProcessIdentity process) => _alive.Add(process);

    public void Die(ProcessIdentity process) => _alive.Remove(process);
}
