namespace Cstar.Simulator;

/// <summary>What the nodetool stand-in prints and how it exits, exactly as the real one would.</summary>
public sealed record NodetoolResponse(string StandardOutput, string StandardError, int ExitCode);
