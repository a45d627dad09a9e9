namespace Cstar.Simulator.Host.Control;

/// <summary>What the caller prints and how it exits; nodetool answers pass through unchanged.</summary>
public sealed record ControlResponse(string StandardOutput, string StandardError, int ExitCode)
{
    public static ControlResponse Ok(string text) => new(text, string.Empty, 0);

    public static ControlResponse Error(string text, int exitCode = 1) => new(string.Empty, text, exitCode);
}
