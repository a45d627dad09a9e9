namespace Cstar.Core.Ports;

/// <summary>What a command printed and how it exited. A non-zero exit is a value, not an exception.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
