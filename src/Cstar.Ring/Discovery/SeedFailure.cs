namespace Cstar.Ring.Discovery;

/// <summary>Why one seed could not be used: shown as a warning, or in the error when no seed answered.</summary>
public sealed record SeedFailure(string Seed, string Reason);
