namespace Cstar.Simulator.Host.Hosts;

/// <summary>Whether a host's sshd (and everything in its namespace) is running.</summary>
public enum HostPower
{
    On,
    Off,
    Rebooting,
}
