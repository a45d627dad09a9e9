namespace Cstar.Core.Ports;

/// <summary>
/// A piece of a command's output exactly as it arrived, bytes untouched (invalid UTF-8 and NULs included):
/// what is stored in <c>out</c>/<c>err</c>. Decoding happens only for display (<see cref="OutputChunk"/>).
/// The bytes are valid during the callback that receives them only (a transport reuses its buffer): copy to keep.
/// </summary>
public sealed record OutputBytes(OutputStreamKind Stream, ReadOnlyMemory<byte> Bytes);
