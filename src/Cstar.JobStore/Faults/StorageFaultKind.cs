namespace Cstar.JobStore.Faults;

/// <summary>What went wrong with the local disk: each kind has its own next step.</summary>
public enum StorageFaultKind
{
    Full,
    ReadOnly,
    NoPermission,
    Other,
}
