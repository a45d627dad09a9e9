namespace Cstar.Core.Ports;

/// <summary>A piece of a command's output as it arrived (decoded as UTF-8; invalid bytes become U+FFFD).</summary>
public sealed record OutputChunk(OutputStreamKind Stream, string Text);
