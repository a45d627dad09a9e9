namespace Cstar.JobStore.Processes;

/// <summary>Tells whether the process that owns a lock or a running job still exists. Faked in tests.</summary>
public interface IProcessLiveness
{
    ProcessIdentity Current { get; }

    bool IsAlive(ProcessIdentity process);
}
