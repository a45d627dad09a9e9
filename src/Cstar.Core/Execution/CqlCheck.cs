namespace Cstar.Core.Execution;

/// <summary>Whether a host's native (CQL) port answered OPTIONS with SUPPORTED, and what it said.</summary>
public sealed record CqlCheck(bool Ready, string Detail);
