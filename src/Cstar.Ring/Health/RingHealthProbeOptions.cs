using System.Collections.Immutable;

namespace Cstar.Ring.Health;

/// <summary>How the gate reads peers: the nodetool command, JMX credentials (password only from a file), limits.</summary>
public sealed record RingHealthProbeOptions
{
    public ImmutableArray<string> Nodetool { get; init; } = ["nodetool"];

    /// <summary>JMX user: <c>nodetool -u USER</c>.</summary>
    public string? JmxUser { get; init; }

    /// <summary>A password FILE on the hosts (<c>nodetool -pwf FILE</c>); a password itself never goes on a remote command line.</summary>
    public string? JmxPasswordFile { get; init; }

    /// <summary>Peers read per poll.</summary>
    public int PeersPerRead { get; init; } = 3;

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The nodetool argv for a sub-command, with the JMX options.</summary>
    public ImmutableArray<string> NodetoolArgv(params string[] subCommand)
    {
        var argv = Nodetool.ToBuilder();
        if (!string.IsNullOrEmpty(JmxUser))
        {
            argv.AddRange("-u", JmxUser);
        }

        if (!string.IsNullOrEmpty(JmxPasswordFile))
        {
            argv.AddRange("-pwf", JmxPasswordFile);
        }

        argv.AddRange(subCommand);
        return argv.ToImmutable();
    }
}
