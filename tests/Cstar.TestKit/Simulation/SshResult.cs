namespace Cstar.TestKit.Simulation;

/// <summary>What the real ssh client returned: 255 means ssh itself failed (refused, killed session).</summary>
public sealed record SshResult(int ExitCode, string StandardOutput, string StandardError);
