namespace Cstar.Transport.Detached;

/// <summary>What runs on a host: the script text and the environment it gets (argument values live only here).</summary>
public sealed record RunPayload(string Script, IReadOnlyDictionary<string, string> Environment);
