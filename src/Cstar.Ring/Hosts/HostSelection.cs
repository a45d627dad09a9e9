using System.Collections.Immutable;
using Cstar.Core.Topology;

namespace Cstar.Ring.Hosts;

/// <summary>The nodes a job runs on, in ring order, and which name asked for each (for messages).</summary>
public sealed record HostSelection(ImmutableArray<Node> Nodes, ImmutableDictionary<string, ImmutableArray<string>> MatchedNames);
