namespace Cstar.Core.Jobs;

/// <summary>
/// How job and host states read wherever cstar prints them (summary, <c>jobs</c>, <c>jobs show</c>, logs): the
/// words <c>jobs</c> lists, lower case with hyphens (<c>stopped-after</c>, <c>did-not-come-back</c>), never the
/// enum's own spelling. <i>Because</i> one state must read the same in every view.
/// </summary>
public static class StateNames
{
    public static string Of(JobState state) => state switch
    {
        JobState.StoppedAfter => "stopped-after",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Of(HostRunStateKind kind) => kind switch
    {
        HostRunStateKind.DidNotComeBack => "did-not-come-back",
        HostRunStateKind.TimedOut => "timed-out",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
