using Cstar.Core.Jobs;
using Cstar.JobStore.Timeline;

namespace Cstar.JobStore.Json;

/// <summary>
/// Builds, ahead of use, the serialization metadata of what a new job writes first (its definition into the store,
/// its plan.json): reflection work that otherwise runs after discovery, between it and the job's start. Cached by
/// the read-only options, thread-safe, and it changes nothing that is written.
/// </summary>
public static class JsonWarmup
{
    public static void Prepare()
    {
        CstarJson.Compact.GetTypeInfo(typeof(JobDefinition));
        CstarJson.Indented.GetTypeInfo(typeof(JobPlanRecord));
    }
}
