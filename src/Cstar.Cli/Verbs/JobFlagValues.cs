namespace Cstar.Cli.Verbs;

/// <summary>
/// The job flags whose values are only used late (after discovery, once the job exists) checked up front, so a
/// mistyped value is a usage error before any host is contacted or anything is written.
/// </summary>
internal static class JobFlagValues
{
    public static void Check(JobOptions options)
    {
        DurationFlag.Parse(options.Timeout, "--timeout");
        DurationFlag.Parse(options.WaitTimeout, "--wait-timeout");
        DurationFlag.Parse(options.EstimatePerHost, "--estimate-per-host");
        DurationFlag.Parse(options.SshAliveTimeout, "--ssh-alive-timeout");
        PortFlag.Check(options.SshPort, "--ssh-port");
        PortFlag.Check(options.CqlPort, "--cql-port");
    }
}
