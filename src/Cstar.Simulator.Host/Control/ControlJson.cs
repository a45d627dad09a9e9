using System.Text.Json;

namespace Cstar.Simulator.Host.Control;

/// <summary>The one serializer setting shared by both ends of the control socket.</summary>
internal static class ControlJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
