using System.Collections.Immutable;
using System.Text.Json;
using Cstar.JobStore.Json;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Work a new job needs right after discovery, done on a pool thread while discovery waits on the network: the JSON
/// metadata of the job's definition and plan. Nobody waits for it; whatever it did not finish is done when needed.
/// </summary>
internal static class StartupWarmup
{
    public static void Start() => _ = Task.Run(Prepare);

    private static void Prepare()
    {
        try
        {
            JsonWarmup.Prepare();
            JsonSerializer.Serialize(ImmutableArray<string>.Empty); // the definition's flag words (default options)
        }
#pragma warning disable CA1031 // A warm-up that fails changes nothing: the same work runs, and reports, where it is needed.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
