namespace Cstar.Core.Health;

/// <summary>Go ahead, wait and look again, or stop and tell the operator.</summary>
public enum HealthVerdictKind
{
    Ok,
    Wait,
    Block,
}
