namespace Cstar.Core.Ports;

/// <summary>
/// A piece of a command's output exactly as it arrived, bytes untouched (invalid UTF-8 and NULs included):
/// what is stored in <c>out</c>/<c>err</c>. Decoding happens only for display (<see cref="OutputChunk"/>).
/// </summary>
public sealed record OutputBytes(OutputStreamKind Stream, ReadOnlyMemory<byte> Bytes);
