using Cstar.Core.Topology;
using Cstar.Simulator.Java;
using Cstar.Simulator.Views;

namespace Cstar.Simulator.Formats;

/// <summary>The per-node cells every status layout prints (state code, load, owns), computed the same way.</summary>
internal static class StatusCells
{
    public static string StatusLetter(PeerView peer) => peer.Up ? "U" : "D";

    public static string StateLetter(PeerView peer) => peer.State switch
    {
        NodeState.Joining => "J",
        NodeState.Leaving => "L",
        NodeState.Moving => "M",
        _ => "N",
    };

    public static string Load(ClusterView view, PeerView peer) => FileSize.Format(peer.LoadBytes, view.Version.UsesBinaryUnits);

    /// <summary>"##0.0%" of the effective ownership, or "?" when it is unknown or meaningless.</summary>
    public static string Owns(OwnershipResult ownership, PeerView peer, int decimals)
    {
        var owns = ownership.Owns is null ? float.NaN : ownership.Owns[peer.Index];
        return ownership.Effective && !float.IsNaN(owns) ? JavaDecimalFormat.Percent(owns, decimals) : "?";
    }

    public static string DatacenterHeader(string datacenter)
    {
        var title = "Datacenter: " + datacenter;
        return title + "\n" + new string('=', title.Length) + "\n";
    }

    public const string Legend = "Status=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n";

    /// <summary>The tail every status prints: an empty line, then the note, if any.</summary>
    public static string Errors(OwnershipResult ownership) => ownership.Note is null ? string.Empty : "Note: " + ownership.Note + "\n";
}
