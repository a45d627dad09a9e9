namespace Cstar.Ring.Tests;

/// <summary>
/// The (token → address) pairs of a captured `nodetool ring`, read as a test oracle for describering: cstar itself
/// does not parse `ring` (discovery reads status and describering). Rows are "address rack status state load unit owns token".
/// </summary>
internal static class RingFixtureTokens
{
    public static Dictionary<string, string> OwnerByToken(string ringOutput) =>
        ringOutput.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 7 && System.Net.IPAddress.TryParse(fields[0], out _))
            .ToDictionary(fields => fields[^1], fields => fields[0], StringComparer.Ordinal);
}
