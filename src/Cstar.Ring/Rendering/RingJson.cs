using System.Text.Json;
using System.Text.Json.Serialization;
using Cstar.Core.Topology;

namespace Cstar.Ring.Rendering;

/// <summary>Serialises the ring tree to JSON (camelCase, source-generated, no reflection at run time).</summary>
public static class RingJson
{
    public static string Serialize(RingTopology ring) =>
        JsonSerializer.Serialize(RingViewBuilder.Build(ring), RingJsonContext.Default.RingView);

    public static RingView? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RingJsonContext.Default.RingView);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RingView))]
internal sealed partial class RingJsonContext : JsonSerializerContext;
