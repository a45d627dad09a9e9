using System.Collections.Immutable;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What the operator asked for, ready to run: the parsed job flags and the raw flag words (stored with the
/// job so `continue` rebuilds the same options), the command, its arguments and where it runs.
/// </summary>
internal sealed record JobLaunch(
    JobOptions Options,
    ImmutableArray<string> JobFlagWords,
    string CommandName,
    CommandHeader Header,
    CommandSource Source,
    ImmutableArray<JobArgument> Arguments,
    RunnerKind Runner);
