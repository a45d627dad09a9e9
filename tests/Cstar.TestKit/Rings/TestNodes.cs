using Cstar.Core.Topology;

namespace Cstar.TestKit.Rings;

/// <summary>Short constructors for nodes in tests.</summary>
public static class TestNodes
{
    public static Node Up(string address, string cluster, string dc, string rack) =>
        new(address, cluster, dc, rack, NodeStatus.Up, NodeState.Normal, null);

    public static Node WithCode(Node node, string code) =>
        NodeStateCode.TryParse(code, out var status, out var state)
            ? node with { Status = status, State = state }
            : throw new ArgumentException("bad state code " + code, nameof(code));
}
