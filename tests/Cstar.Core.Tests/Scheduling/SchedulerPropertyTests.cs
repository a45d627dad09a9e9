using System.Globalization;
using Cstar.Core.Planning;
using Cstar.Core.Scheduling;
using Cstar.Core.Tests.Scheduling.Simulation;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Cstar.Core.Tests.Scheduling;

/// <summary>
/// Randomized property tests on the pure scheduler, 1,000 deterministic seeds. A failure names its seed;
/// reproduce with <c>RandomCase.Generate(seed)</c>.
/// </summary>
public sealed class SchedulerPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 1000;

    [Fact]
    public void Scheduler_never_breaks_consistency_runs_every_target_once_and_never_interleaves_dcs()
    {
        var failures = new List<string>();
        var decisions = 0;
        for (var seed = 1; seed <= Cases; seed++)
        {
            var c = RandomCase.Generate(seed);
            var simulation = new JobSimulation(c);
            simulation.Run();
            decisions += simulation.Decisions;
            var problems = new List<string>(simulation.Violations);
            problems.AddRange(CheckEveryTargetAccountedFor(c, simulation));
            if (problems.Count > 0)
            {
                failures.Add($"{c}\n  " + string.Join("\n  ", problems.Take(5)));
            }
        }

        output.WriteLine($"{Cases} cases, {decisions} decisions, {failures.Count} failing");
        failures.Should().BeEmpty(string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public void Greedy_waves_come_close_to_the_exhaustive_optimum_on_small_rings()
    {
        var ratios = new List<double>();
        var sumOptimal = 0;
        var sumGreedy = 0;
        for (var seed = 1; ratios.Count < 300 && seed < 5000; seed++)
        {
            var c = RandomCase.Generate(seed, maxNodes: 16, allowStopAfter: false);
            var plan = PlanSimulator.Simulate(c.Context, JobProgress.Create(c.Targets), c.InitiallyDown, PlanEstimate.Default);
            var started = plan.Waves.SelectMany(w => w.Hosts).ToList();
            if (started.Count < 2)
            {
                continue;
            }

            var optimal = OptimalWaves.Compute(c, new ConsistencyOracle(c), started);
            optimal.Should().BeLessThanOrEqualTo(plan.Waves.Length, $"the optimum cannot be worse than a valid schedule ({c})");
            ratios.Add((double)optimal / plan.Waves.Length);
            sumOptimal += optimal;
            sumGreedy += plan.Waves.Length;
        }

        var average = ratios.Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ratios.Count} cases ≤ 16 nodes: average optimal/greedy waves = {average:F4}, total waves optimal {sumOptimal} / greedy {sumGreedy}, worst {ratios.Min():F3}, cases at optimum {ratios.Count(r => r >= 0.9999)}"));
        average.Should().BeGreaterThanOrEqualTo(0.9);
    }

    private static IEnumerable<string> CheckEveryTargetAccountedFor(RandomCase c, JobSimulation simulation)
    {
        var blocked = simulation.LastDecision is SchedulingDecision.Blocked b
            ? b.Hosts.Where(h => !string.IsNullOrWhiteSpace(h.Reason)).Select(h => h.Address).ToHashSet()
            : [];
        var stoppedEarly = simulation.LastDecision is SchedulingDecision.Finished f && f.Reason.StartsWith("stop-after", StringComparison.Ordinal);
        foreach (var target in c.Targets)
        {
            var starts = simulation.StartCount.GetValueOrDefault(target);
            var state = simulation.Progress.StateOf(target);
            if (starts > 1)
            {
                yield return $"{target} started {starts} times";
            }
            else if (starts == 1 && state != HostState.Done)
            {
                yield return $"{target} started but ended {state}";
            }
            else if (starts == 0 && state != HostState.Skipped && !blocked.Contains(target) && !stoppedEarly)
            {
                yield return $"{target} never ran and was not reported (last decision: {simulation.LastDecision})";
            }
        }

        if (c.Policy.StopAfter is int stop && simulation.StartCount.Count > stop)
        {
            yield return $"stop-after {stop} but {simulation.StartCount.Count} hosts started";
        }
    }
}
