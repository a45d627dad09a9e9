namespace Cstar.Ring.Describering;

/// <summary>Where describering's endpoint_details places an endpoint.</summary>
public sealed record EndpointLocation(string Datacenter, string Rack);
