using Cstar.Cli.Arguments;
using Cstar.Core.Commands;

namespace Cstar.Cli.Verbs;

/// <summary>The usage line, flags, description and examples of every verb, for the parser and for --help.</summary>
internal static class VerbSyntaxes
{
    private const string Targets = "(--seed-host HOST... | --host HOST... | --host-file FILE)";

    public static VerbSyntax Command(string name, CommandHeader header)
    {
        var arguments = string.Concat(header.Arguments.Select(a => a.Required ? $" {a.Option} VALUE" : $" [{a.Option} VALUE]"));
        var required = string.Concat(header.Arguments.Where(a => a.Required).Select(a => $" {a.Option} ..."));
        return new VerbSyntax(
            "cstar " + name,
            $"usage: cstar {name}{arguments} {Targets} [flags]",
            FlagTable.Of(typeof(JobOptions)),
            PositionalRule.None,
            header.Description ?? "(no description in the script header)",
            name switch
            {
                "run" =>
                [
                    "cstar run --command 'nodetool flush' --seed-host 10.0.0.1 --dry-run",
                    "cstar run --command 'sudo systemctl restart cassandra' --seed-host 10.0.0.1 --wait-for-cql --stop-after 1",
                    "cstar run --command 'nodetool version' --host 10.0.0.1 --host 10.0.0.2 -j 2 --strategy all",
                ],
                "repair" =>
                [
                    "cstar repair --keyspace app --seed-host 10.0.0.1 --dry-run",
                    "cstar repair --mode incremental --keyspace app --seed-host 10.0.0.1 --max-pending-compactions 50 --no-streaming --wait-timeout 12h",
                ],
                "cleanup" =>
                [
                    "cstar cleanup --keyspace app --jobs 2 --seed-host 10.0.0.1 --dry-run",
                    "cstar cleanup --seed-host 10.0.0.1 --max-pending-compactions 20 --wait-timeout 6h",
                ],
                _ =>
                [
                    $"cstar {name}{required} --seed-host 10.0.0.1 --dry-run",
                    $"cstar {name}{required} --seed-host 10.0.0.1 --stop-after 1",
                ],
            });
    }

    /// <summary>The job flags stored with a job, read again by `continue`.</summary>
    public static VerbSyntax StoredJobFlags { get; } = new(
        "cstar continue",
        "usage: cstar continue JOB-ID [flags]",
        FlagTable.Of(typeof(JobOptions)),
        PositionalRule.None,
        "The job flags stored with a job.",
        []);

    public static VerbSyntax Cstarpar { get; } = new(
        "cstarpar",
        $"usage: cstarpar {Targets} [flags] COMMAND     (or: cstarpar ... -- COMMAND WORDS...)",
        FlagTable.Of(typeof(CstarparOptions)),
        PositionalRule.Command,
        "Run a local command once per Cassandra host, in the same safe order as cstar ({} becomes the host's address).\nThe command is one quoted word, or every word after --. Resume with cstar continue JOB-ID.",
        [
            "cstarpar --seed-host 10.0.0.1 \"ssh {} sudo reboot\"",
            "cstarpar --seed-host=10.0.0.1 --strategy one -- ssh {} nodetool version",
            "cstarpar --host 10.0.0.1 10.0.0.2 --dry-run \"ssh {} hostname\"",
        ]);

    public static VerbSyntax Ring { get; } = new(
        "cstar ring",
        "usage: cstar ring (--seed-host HOST... | --host HOST...) [flags]",
        FlagTable.Of(typeof(RingOptions), FlagHelpTable.IsRingFlag),
        PositionalRule.None,
        "Show clusters, DCs, racks and hosts (state, load, host id, Cassandra and schema versions) as a job would discover them.",
        ["cstar ring --seed-host 10.0.0.1", "cstar ring --seed-host 10.0.0.1 --output json"]);

    public static VerbSyntax Continue { get; } = new(
        "cstar continue",
        "usage: cstar continue JOB-ID [flags]",
        FlagTable.Of(typeof(ContinueOptions)),
        PositionalRule.Bound,
        "Resume a job where it stopped, never running a host twice. The job keeps its flags and its stored copy of the command.",
        ["cstar continue 0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90", "cstar continue latest --retry-failed", "cstar continue 0b5e4a52 --stop-after 1"]);

    public static VerbSyntax Attach { get; } = new(
        "cstar attach",
        "usage: cstar attach JOB-ID [flags]",
        FlagTable.Of(typeof(AttachOptions)),
        PositionalRule.Bound,
        "Watch a job that runs in the background (--detach) or in another terminal: the live view on a terminal, else one line per event,\n"
        + "from its start until it ends. Ctrl+C stops watching and leaves the job running. JOB-ID may be a unique prefix of the id, or latest.",
        ["cstar attach latest", "cstar attach 0b5e4a52 | tee job.txt"]);

    public static VerbSyntax Pause { get; } = new(
        "cstar pause",
        "usage: cstar pause JOB-ID [--reason TEXT] [flags]",
        FlagTable.Of(typeof(ControlOptions)),
        PositionalRule.Bound,
        "Stop starting hosts in a job: hosts already running finish and are waited for. Recorded with who (user@host) and --reason; "
        + "the runner applies it at its next decision, or the next cstar continue when no runner runs.",
        ["cstar pause 0b5e4a52 --reason 'compactions falling behind'", "cstar pause latest"]);

    public static VerbSyntax Resume { get; } = new(
        "cstar resume",
        "usage: cstar resume JOB-ID [--reason TEXT] [flags]",
        FlagTable.Of(typeof(ControlOptions)),
        PositionalRule.Bound,
        "Let a paused job start hosts again (a job whose runner stopped goes on with cstar continue).",
        ["cstar resume 0b5e4a52 --reason 'backlog cleared'"]);

    public static VerbSyntax Set { get; } = new(
        "cstar set",
        "usage: cstar set JOB-ID (--max-concurrency N | --max-concurrency-per-dc N | --node-done-pause-time D) [--reason TEXT]",
        FlagTable.Of(typeof(SetOptions)),
        PositionalRule.Bound,
        "Change a job's concurrency or its pause after each host, from the runner's next decision on; kept for continue. Recorded with who and --reason.",
        ["cstar set 0b5e4a52 --max-concurrency 1 --reason 'peak traffic'", "cstar set latest --node-done-pause-time 5m"]);

    public static VerbSyntax Jobs { get; } = new(
        "cstar jobs",
        "usage: cstar jobs [list | show JOB-ID | log JOB-ID | report JOB-ID --html FILE] [flags]",
        FlagTable.Of(typeof(JobsOptions)),
        PositionalRule.Bound,
        "List jobs, show one, print its output, or write its timeline (one self-contained HTML file: a row per host by DC and rack,\n"
        + "bars for running, waiting to come back and gate waits, failures, waves, the estimate against what happened, output on hover).\n"
        + "JOB-ID may be a unique prefix of the id, or latest.",
        ["cstar jobs", "cstar jobs show latest", "cstar jobs log 0b5e4a52 --host 10.0.0.1 --follow", "cstar jobs report latest --html job.html"]);

    public static VerbSyntax CleanupJobs { get; } = new(
        "cstar cleanup-jobs",
        "usage: cstar cleanup-jobs [flags]",
        FlagTable.Of(typeof(CleanupJobsOptions)),
        PositionalRule.None,
        "Delete finished jobs older than --max-job-age days (counted from their end).",
        ["cstar cleanup-jobs --max-job-age 30"]);

    public static VerbSyntax Config { get; } = new(
        "cstar config",
        "usage: cstar config show [--cluster NAME]",
        FlagTable.Of(typeof(ConfigOptions)),
        PositionalRule.Bound,
        "Show the defaults that /etc/cstar/cstar.json, ~/.cstar/cstar.json and CSTAR_* variables give the job flags, and where each comes from.",
        ["cstar config show", "cstar config show --cluster prod"]);

    public static VerbSyntax Demo { get; } = new(
        "cstar demo",
        "usage: cstar demo [flags]",
        FlagTable.Of(typeof(DemoOptions)),
        PositionalRule.None,
        "A safe rolling restart on a built-in simulated ring, no cluster needed.",
        ["cstar demo", "cstar demo --nodes 12 --fail-host 127.0.0.5", "cstar demo --strategy all --dry-run"]);
}
