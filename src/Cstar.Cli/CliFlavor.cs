namespace Cstar.Cli;

/// <summary>Which program the user ran: cstar (remote commands) or cstarpar (a local command per host).</summary>
public enum CliFlavor
{
    Cstar,
    Cstarpar,
}
