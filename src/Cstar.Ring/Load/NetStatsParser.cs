using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Load;

/// <summary>
/// Parses <c>nodetool netstats</c> from 2.1 to 5.0 (NetStats.java): "Mode: X", then "Not sending any streams." or,
/// per plan, "Operation plan-uuid" at the left margin, each peer 4 spaces in, its Receiving/Sending summaries 8 in
/// and files 12 in. What follows (read repair figures, the message pools) is not about streams and is not read.
/// </summary>
public static partial class NetStatsParser
{
    private const string Command = "netstats";

    public static NetStatsOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? mode = null;
        var idle = false;
        var plans = new List<(string Operation, string Id, List<string> Peers)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r', ' ');
            if (line.StartsWith("error:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(line));
            }

            if (mode is null && line.StartsWith("Mode: ", StringComparison.Ordinal))
            {
                mode = line["Mode: ".Length..].Trim();
            }
            else if (line == "Not sending any streams.")
            {
                idle = true;
            }
            else if (PlanLine().Match(line) is { Success: true } plan)
            {
                plans.Add((plan.Groups["op"].Value, plan.Groups["id"].Value, []));
            }
            else if (plans.Count > 0 && PeerLine().Match(line) is { Success: true } peer)
            {
                plans[^1].Peers.Add(peer.Groups["peer"].Value);
            }
        }

        if (mode is null)
        {
            throw ParseError.Output(Command, "no 'Mode:' line");
        }

        if (!idle && plans.Count == 0)
        {
            throw ParseError.Output(Command, "neither 'Not sending any streams.' nor a stream plan: cannot tell whether the node streams");
        }

        return new NetStatsOutput(mode, [.. plans.Select(p => new StreamPlan(p.Operation, p.Id, [.. p.Peers]))]);
    }

    [GeneratedRegex(@"^(?<op>\S.*) (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex PlanLine();

    [GeneratedRegex(@"^ {4}(?<peer>\S+)( \(using \S+\))?$")]
    private static partial Regex PeerLine();
}
