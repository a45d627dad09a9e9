namespace Cstar.TestKit.Simulation;

/// <summary>One node of the <see cref="StubSimulatedRing"/>.</summary>
internal sealed record StubNodeState(bool Running, bool Drained, bool PoweredOn, DateTimeOffset ServesFrom);
