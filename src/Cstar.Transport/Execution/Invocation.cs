namespace Cstar.Transport.Execution;

/// <summary>
/// One command as an adapter runs it: an argv list, optional bytes for its standard input, and where its
/// output bytes go. The base transport builds these; adapters only move bytes.
/// </summary>
public sealed record Invocation(IReadOnlyList<string> Argv, ReadOnlyMemory<byte>? StandardInput, Stream StandardOutput, Stream StandardError);
