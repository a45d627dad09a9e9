namespace Cstar.Integration.Tests.Engine;

/// <summary>Everything a runner process needs to reach a loopback cluster and its job store (serialized for the child process).</summary>
public sealed record EngineSettings
{
    public required string SshConfigPath { get; init; }

    public required string KnownHostsPath { get; init; }

    public required string IdentityFile { get; init; }

    public required string Seed { get; init; }

    public required string StoreRoot { get; init; }

    public required string Script { get; init; }

    public string JobId { get; init; } = "job-1";

    public string Strategy { get; init; } = "one";

    public double AliveTimeoutSeconds { get; init; } = 15;

    public double ReconnectWindowSeconds { get; init; } = 60;

    public double? HostTimeoutSeconds { get; init; }

    public double WaitTimeoutSeconds { get; init; } = 60;

    public int? MaxConcurrency { get; init; }

    /// <summary>The command declares <c># C* reboots-host: true</c>.</summary>
    public bool RebootsHost { get; init; }
}
