namespace Cstar.Core.Execution;

/// <summary>
/// A host runner lost contact with a host whose command it follows: when this attempt failed, since when, what it retries, the last error,
/// and when it gives the host up (then the host is Failed (lost)). Reported on every failed attempt; the runner
/// loop passes it on at most every <see cref="JobRunRequest.UnreachableReportInterval"/>.
/// </summary>
public sealed record HostUnreachable(DateTimeOffset At, DateTimeOffset Since, string Retrying, string LastError, DateTimeOffset GivesUpAt);
