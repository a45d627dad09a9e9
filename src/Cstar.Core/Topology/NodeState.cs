namespace Cstar.Core.Topology;

/// <summary>The second letter of a nodetool state code. Only Normal may be counted as "back".</summary>
public enum NodeState
{
    Normal,
    Joining,
    Leaving,
    Moving,
}
