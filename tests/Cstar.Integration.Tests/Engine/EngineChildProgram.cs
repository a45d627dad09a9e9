using System.Text.Json;

namespace Cstar.Integration.Tests.Engine;

/// <summary>
/// The entry point of this test assembly when a test starts it as a runner process
/// (<c>dotnet Cstar.Integration.Tests.dll engine-run SETTINGS.json new|resume</c>): a real process that runs one
/// job against a loopback cluster and can be killed with SIGKILL at any moment.
/// </summary>
public static class EngineChildProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 3 || args[0] != "engine-run")
        {
            return 2;
        }

        var settings = JsonSerializer.Deserialize<EngineSettings>(File.ReadAllText(args[1]))!;
        return RunAsync(settings, args[2] == "resume").GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(EngineSettings settings, bool resume)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var rig = await EngineRig.CreateAsync(settings, bound.Token);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        var outcome = await rig.Runner().RunAsync(rig.Request(resume), bound.Token);
        Console.Out.WriteLine(outcome.ToString());
        return (int)outcome.ExitCode;
    }
}
