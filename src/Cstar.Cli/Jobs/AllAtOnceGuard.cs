using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Scheduling;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Strategy all starts every host at once; for a command whose header says it takes its node down (restart,
/// upgradesstables, reboot) that is an outage unless the operator says so: --confirm (asked per host) or
/// --yes-all-at-once. --dry-run shows what it would cost first.
/// </summary>
internal static class AllAtOnceGuard
{
    public static void Check(string command, CommandHeader header, SchedulingPolicy policy, JobOptions options)
    {
        if (policy.Strategy == SchedulingStrategy.All && header.TakesNodeDown && !options.Confirm && !options.YesAllAtOnce)
        {
            throw new CstarException(
                $"{command} takes its node down (header 'takes-node-down: true') and strategy all would run it on every host at once.",
                "Add --yes-all-at-once to accept it, or --confirm to be asked before each host; --dry-run shows which ranges would lose how many replicas; or use --strategy topology.",
                ExitCode.Usage);
        }
    }
}
