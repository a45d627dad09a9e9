namespace Cstar.Ring.Describecluster;

/// <summary>One line of the 4.0+ "Data Centers:" section: how many nodes the DC has and how many are down.</summary>
public sealed record DatacenterCount(string Name, int Nodes, int Down);
