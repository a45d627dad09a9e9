namespace Cstar.Transport.Cql;

/// <summary>What the CQL port said: ready (SUPPORTED), or why not, in words an operator can act on.</summary>
public sealed record CqlProbeResult(bool Ready, string Detail)
{
    public static CqlProbeResult Supported(string detail) => new(true, detail);

    public static CqlProbeResult NotReady(string detail) => new(false, detail);
}
