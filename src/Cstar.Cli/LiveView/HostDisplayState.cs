namespace Cstar.Cli.LiveView;

/// <summary>What the live view shows for one host: one symbol each.</summary>
internal enum HostDisplayState
{
    Waiting,
    Running,
    ComingBack,
    Done,
    Failed,
    Skipped,
}
