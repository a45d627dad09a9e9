using System.Collections.Immutable;

namespace Cstar.JobStore.Timeline;

/// <summary>A wave as it happened: the hosts the runner started together (one scheduling decision), and when.</summary>
public sealed record TimelineWave(int Number, DateTimeOffset Time, ImmutableArray<string> Hosts);
