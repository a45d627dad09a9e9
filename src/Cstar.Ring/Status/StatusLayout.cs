namespace Cstar.Ring.Status;

/// <summary>How a 'nodetool status' output is laid out; named in error messages so a report says which format broke.</summary>
public enum StatusLayout
{
    /// <summary>Not known yet (no column header seen).</summary>
    Unknown,

    /// <summary>2.1: fixed columns, 6-wide Tokens column, KB/MB/GB loads.</summary>
    V21,

    /// <summary>2.2 to 3.11: fixed columns, 11-wide Tokens column.</summary>
    V22To311,

    /// <summary>4.0 and later (4.1, 5.0): TableBuilder columns two spaces apart, blank line between DCs.</summary>
    V40Plus,

    /// <summary>One token per node: a Token column between Host ID and Rack instead of Tokens.</summary>
    SingleToken,
}
