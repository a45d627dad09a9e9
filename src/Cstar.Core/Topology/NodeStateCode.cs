namespace Cstar.Core.Topology;

/// <summary>Converts between the two-letter codes nodetool prints (UN, DN, UJ, UL, UM, ...) and the enums.</summary>
public static class NodeStateCode
{
    public static string Format(NodeStatus status, NodeState state) =>
        string.Concat(status == NodeStatus.Up ? "U" : "D", state switch
        {
            NodeState.Normal => "N",
            NodeState.Joining => "J",
            NodeState.Leaving => "L",
            NodeState.Moving => "M",
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        });

    /// <summary>Parses a code such as "UN"; returns false for anything nodetool would not print.</summary>
    public static bool TryParse(string code, out NodeStatus status, out NodeState state)
    {
        status = NodeStatus.Down;
        state = NodeState.Normal;
        if (code is not { Length: 2 })
        {
            return false;
        }

        switch (code[0])
        {
            case 'U': status = NodeStatus.Up; break;
            case 'D': status = NodeStatus.Down; break;
            default: return false;
        }

        switch (code[1])
        {
            case 'N': state = NodeState.Normal; return true;
            case 'J': state = NodeState.Joining; return true;
            case 'L': state = NodeState.Leaving; return true;
            case 'M': state = NodeState.Moving; return true;
            default: return false;
        }
    }
}
