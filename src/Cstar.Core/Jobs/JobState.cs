namespace Cstar.Core.Jobs;

/// <summary>Where a whole job is. Everything but Running is a stop; only Finished is the end of the job.</summary>
public enum JobState
{
    Running,

    /// <summary>Every host is in a final state (succeeded, failed, skipped...).</summary>
    Finished,

    /// <summary>Stopped scheduling after a failure; hosts not run remain. Resumable.</summary>
    Halted,

    /// <summary>Stopped by Ctrl+C or a signal. Resumable.</summary>
    Interrupted,

    /// <summary>Stopped because --stop-after was reached. Resumable.</summary>
    StoppedAfter,
}
