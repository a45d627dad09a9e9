using System.Collections.Immutable;

namespace Cstar.Ring.Info;

/// <summary>
/// The parsed 'nodetool info' of one node. <see cref="Fields"/> keeps every line's raw value by key
/// (the last one for repeated keys); <see cref="Tokens"/> is filled with -T, <see cref="TokenCount"/> from
/// either form.
/// </summary>
public sealed record InfoOutput(
    Guid? Id,
    bool? GossipActive,
    bool? ThriftActive,
    bool? NativeTransportActive,
    string? Load,
    long? Generation,
    long? UptimeSeconds,
    string? Datacenter,
    string? Rack,
    int? TokenCount,
    ImmutableArray<string> Tokens,
    ImmutableDictionary<string, string> Fields);
