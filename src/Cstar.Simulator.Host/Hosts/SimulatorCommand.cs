using System.Runtime.InteropServices;

namespace Cstar.Simulator.Host.Hosts;

/// <summary>
/// How a shim inside a host session runs cstar-sim: the dotnet host plus cstar-sim.dll, both absolute, because
/// an SSH session has neither this process's PATH nor its DOTNET_ROOT.
/// </summary>
public sealed record SimulatorCommand(string DotnetHost, string SimulatorAssembly)
{
    /// <summary>The dotnet that runs this process and the cstar-sim.dll beside the loaded Host assembly.</summary>
    public static SimulatorCommand Current()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var dotnet = Path.Combine(dotnetRoot, "dotnet");
        if (!File.Exists(dotnet))
        {
            dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
        }

        return new SimulatorCommand(dotnet, typeof(SimulatorCommand).Assembly.Location);
    }
}
