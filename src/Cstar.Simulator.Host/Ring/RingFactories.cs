using System.Reflection;
using System.Runtime.Loader;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;

namespace Cstar.Simulator.Host.Ring;

/// <summary>
/// THE wiring point between the loopback hosts and a ring model. <see cref="Default"/> is what `cstar-sim up`
/// uses when no --ring-factory is given. Tests pass their own factory.
/// </summary>
public static class RingFactories
{
    /// <summary>The ring model for `cstar-sim up` without --ring-factory: the real simulated ring on wall-clock time.</summary>
    public static SimulatedRingFactory Default { get; } = StandardRingFactory.Create(TimeProvider.System);

    /// <summary>
    /// "path/to/assembly.dll:Namespace.Type": a type implementing <see cref="ISimulatedRing"/> with a public
    /// constructor taking a <see cref="ClusterSpec"/> or an <c>IReadOnlyList&lt;SimulatedNodeInfo&gt;</c>.
    /// </summary>
    public static SimulatedRingFactory FromTypeReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var colon = reference.LastIndexOf(':');
        if (colon <= 0 || colon == reference.Length - 1)
        {
            throw new CstarException($"'{reference}' is not <assembly.dll>:<Type>", "Write --ring-factory path/to/Assembly.dll:Namespace.TypeName.");
        }

        var assemblyPath = Path.GetFullPath(reference[..colon]);
        var typeName = reference[(colon + 1)..];
        if (!File.Exists(assemblyPath))
        {
            throw new CstarException($"ring assembly {assemblyPath} does not exist", "Build it first, or check the path.");
        }

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath);
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new CstarException($"type {typeName} is not in {assemblyPath}", "Check the full type name (namespace included).");
        if (!typeof(ISimulatedRing).IsAssignableFrom(type))
        {
            throw new CstarException($"type {typeName} does not implement ISimulatedRing", "Point --ring-factory at a ring model.");
        }

        return spec => Create(type, spec);
    }

    private static ISimulatedRing Create(Type type, ClusterSpec spec)
    {
        var bySpec = type.GetConstructor([typeof(ClusterSpec)]);
        if (bySpec is not null)
        {
            return (ISimulatedRing)bySpec.Invoke([spec]);
        }

        var byNodes = type.GetConstructor([typeof(IReadOnlyList<SimulatedNodeInfo>)])
            ?? throw new CstarException($"type {type.FullName} has no public constructor taking ClusterSpec or IReadOnlyList<SimulatedNodeInfo>", "Add one.");
        try
        {
            return (ISimulatedRing)byNodes.Invoke([spec.Nodes]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
