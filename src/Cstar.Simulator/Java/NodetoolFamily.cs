namespace Cstar.Simulator.Java;

/// <summary>The nodetool output layouts the simulator reproduces.</summary>
public enum NodetoolFamily
{
    /// <summary>2.0/2.1: status Tokens column is %-6s, loads in KB.</summary>
    V21,

    /// <summary>2.2 to 3.11: status Tokens column is %-11s.</summary>
    V22To311,

    /// <summary>4.0, 4.1, 5.0: TableBuilder status, 4.0 describecluster sections.</summary>
    V40Plus,
}
