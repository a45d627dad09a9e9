using System.Diagnostics;
using System.Text.Json;
using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Cstar.Integration.Tests.Engine;

/// <summary>Issue 8: the runner process is SIGKILLed at random moments; <c>continue</c> must finish the job, never run a host twice, lose no output.</summary>
[Trait("Category", "Loopback")]
public sealed class KillNineResumeTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "cstar-kill9-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [SkippableFact(Timeout = 280_000)]
    public async Task Kill_9_of_the_runner_at_20_random_moments_each_followed_by_continue_finishes_the_12_host_job_with_no_host_run_twice_and_no_output_lost()
    {
        await using var cluster = await EngineFaultTests.StartClusterAsync(12);
        const string Script = "echo run >> ~/runs.log; echo \"start $(hostname)\"; sleep 1.5; echo \"end $(hostname)\"";
        Directory.CreateDirectory(_store);
        var settings = EngineRig.SettingsFor(cluster, _store, Script) with { Strategy = "one" };
        var settingsPath = Path.Combine(_store, "settings.json");
        await File.WriteAllTextAsync(settingsPath, JsonSerializer.Serialize(settings));
        var random = new Random(8);
        var kills = 0;
        var finishedEarly = false;
        for (var round = 0; round < 20 && !finishedEarly; round++)
        {
            var moment = TimeSpan.FromMilliseconds(random.Next(0, 1200));
            var (exited, exitCode) = await RunChildAsync(settingsPath, round == 0 ? "new" : "resume", moment);
            kills += exited ? 0 : 1;
            finishedEarly = exited && exitCode == 0;
            log.WriteLine($"round {round}: kill after ready + {moment.TotalMilliseconds} ms: {(exited ? $"exited {exitCode}" : "killed")}");
        }

        var final = await RunChildAsync(settingsPath, "resume", null);

        final.ExitCode.Should().Be(0);
        kills.Should().Be(20);
        await using var rig = await EngineRig.CreateAsync(settings);
        rig.Hosts.Should().OnlyContain(h => h.Kind == HostRunStateKind.Succeeded && h.Attempt == 1);
        foreach (var node in cluster.Nodes)
        {
            EngineFaultTests.RunsOn(cluster, node.Address).Should().Be(1, $"{node.Address} must run exactly once");
            rig.OutOf(node.Address).Should().Be($"start {node.HostName}\nend {node.HostName}\n");
        }
    }

    /// <summary>Runs the runner process; kills it (SIGKILL) <paramref name="killAfterReady"/> after it said "ready". Returns (exited by itself, exit code).</summary>
    private static async Task<(bool Exited, int ExitCode)> RunChildAsync(string settingsPath, string mode, TimeSpan? killAfterReady)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(EngineChildProgram).Assembly.Location);
        start.ArgumentList.Add("engine-run");
        start.ArgumentList.Add(settingsPath);
        start.ArgumentList.Add(mode);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(bound.Token);
            if (line != "ready" || killAfterReady is not { } delay)
            {
                await process.WaitForExitAsync(bound.Token);
                return (true, process.ExitCode);
            }

            var exited = process.WaitForExitAsync(bound.Token);
            if (await Task.WhenAny(exited, Task.Delay(delay, bound.Token)) == exited)
            {
                return (true, process.ExitCode);
            }

            process.Kill();
            await process.WaitForExitAsync(bound.Token);
            return (false, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            _ = await stderr;
        }
    }
}
