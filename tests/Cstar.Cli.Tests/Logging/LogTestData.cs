using System.Text.Json;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Tests.Logging;

internal static class LogTestData
{
    public const string JobId = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static JobDefinition Definition(params string[] flags) => new(
        JobId,
        "greet",
        new CommandSource("echo hello", null, "abc"),
        [JobArgument.FromLiteral("WHO", "bob"), JobArgument.FromEnvironment("DB_PASSWORD", "DB_PASSWORD")],
        JsonSerializer.Serialize(flags),
        HostSelection.FromSeeds("10.0.0.1"),
        "CHG-42",
        ["c1"],
        T0,
        RunnerKind.Remote);

    public static JobOutcome Outcome(JobState state = JobState.Finished, ExitCode exit = ExitCode.Success) =>
        new(JobId, state, exit, HostCounts.Empty.Add(HostRunStateKind.Succeeded, 3), "every host done");
}
