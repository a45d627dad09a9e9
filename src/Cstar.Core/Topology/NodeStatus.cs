namespace Cstar.Core.Topology;

/// <summary>The first letter of a nodetool state code: whether the viewing node sees this node Up or Down.</summary>
public enum NodeStatus
{
    Up,
    Down,
}
