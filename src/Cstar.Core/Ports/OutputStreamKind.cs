namespace Cstar.Core.Ports;

/// <summary>Which stream of a command an <see cref="OutputChunk"/> came from.</summary>
public enum OutputStreamKind
{
    StandardOutput,
    StandardError,
}
