using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.Ring.Discovery;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Where <c>continue</c> rediscovers the ring from: the job's stored seeds, then the <c>--seed-host</c> values given to
/// continue, then every ring member the job knows (the ring when it started, its target hosts). Discovery tries them
/// in order and skips those inside a cluster already found, so a dead seed no longer stops a job from going on.
/// </summary>
internal static class ContinueSeeds
{
    public static ImmutableArray<string> Of(JobDefinition definition, IEnumerable<string> extraSeeds, IEnumerable<string> jobHosts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        IEnumerable<string> stored = definition.Hosts.SeedHosts.IsDefaultOrEmpty ? [] : definition.Hosts.SeedHosts;
        IEnumerable<string> members = definition.RingMembers.IsDefaultOrEmpty ? [] : definition.RingMembers;
        var extra = extraSeeds.ToList();
        return SeedList.Parse([.. stored, .. extra, .. members, .. jobHosts], extra.Count > 0 ? "--seed-host" : "the job's seeds");
    }
}
