namespace Cstar.Core.Ports;

/// <summary>
/// A piece of a command's output decoded for display (UTF-8; invalid bytes become U+FFFD). The stored
/// <c>out</c>/<c>err</c> keep the original bytes (<see cref="OutputBytes"/>); this text is only shown.
/// </summary>
public sealed record OutputChunk(OutputStreamKind Stream, string Text);
