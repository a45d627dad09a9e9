using System.Collections.Immutable;
using Cstar.Cli.Composition;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.Ring.Discovery;
using Cstar.Ring.Hosts;
using Cstar.Transport;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Discovery, host selection and policy, from the job flags and the command's header, in the order cstar
/// documents: command line first, then the script header, then the safe defaults.
/// </summary>
internal static class JobSetupBuilder
{
    /// <summary>With the --host/--host-file names already read (<see cref="HostNamesAsync"/>; continue uses the names stored with the job).</summary>
    public static async Task<JobSetup> BuildAsync(JobOptions options, CommandHeader header, ICommandTransport transport, ImmutableArray<string> hostNames, CancellationToken cancellationToken)
    {
        if (!options.SeedHosts.Any() && hostNames.IsEmpty)
        {
            throw new CstarException(
                "No hosts given: cstar needs --seed-host, --host or --host-file.",
                "Give a seed, e.g. --seed-host 10.0.0.1, to run on the whole ring.",
                ExitCode.Usage);
        }

        var seeds = options.SeedHosts.Any() ? SeedList.Parse(options.SeedHosts) : hostNames;
        var policy = Policy(options, header);
        var discovery = await new RingDiscovery(transport).DiscoverAsync(
            new DiscoveryOptions(seeds)
            {
                Keyspace = options.DiscoveryKeyspace(),
                Nodetool = NodetoolCommand.Build(options),
                // Keyspaces the policy leaves out are listed by name only: no describering (a JVM each on the seed).
                ReadsKeyspace = name => KeyspacePolicy.LeftOutReason(name, policy) is null,
                // The first targets' SSH handshakes happen while describering runs (one pooled connection per host for the job).
                OnNodesKnown = nodes => ConnectionWarmup.Start(transport, WarmTargets.Choose(nodes, hostNames, options.DcFilter, options.RackFilter, policy), cancellationToken),
            },
            cancellationToken);

        var request = new HostSelectionRequest(
            hostNames,
            options.DcFilter is null ? [] : [options.DcFilter],
            options.RackFilter is null ? [] : [options.RackFilter]);
        var selection = await new HostSelector(new DnsHostResolver()).SelectAsync(discovery.Topology, request, cancellationToken);
        var context = SchedulingContext.Create(discovery.Topology, discovery.Clusters.Select(c => c.Replicas), policy);
        return new JobSetup(discovery, selection.Nodes, context);
    }

    public static SchedulingPolicy Policy(JobOptions options, CommandHeader header)
    {
        var defaults = SchedulingPolicy.Default with
        {
            Strategy = header.Strategy is { } s ? StrategyResolver.ParseStrategy(s) : SchedulingStrategy.Topology,
            ClusterParallel = header.ClusterParallel ?? false,
            DcParallel = header.DcParallel ?? false,
            MaxConcurrency = header.MaxConcurrency,
        };
        var flags = new StrategyFlags
        {
            Strategy = options.Strategy,
            One = options.One,
            OnePerDc = options.OnePerDc,
            Topology = options.Topology,
            TopologyPerDc = options.TopologyPerDc,
            All = options.All,
            DcParallel = options.DcParallel,
            DcSerial = options.DcSerial,
            ClusterParallel = options.ClusterParallel,
            ClusterSerial = options.ClusterSerial,
        };
        var policy = StrategyResolver.Resolve(flags, defaults);
        return policy with
        {
            DcOrder = [.. options.DcOrder],
            MaxConcurrency = Positive(options.MaxConcurrency, "--max-concurrency") ?? policy.MaxConcurrency,
            MaxConcurrencyPerDc = Positive(options.MaxConcurrencyPerDc, "--max-concurrency-per-dc"),
            ConsistencyLevel = options.KeepConsistency is { } level ? StrategyResolver.ParseConsistencyLevel(level) : null,
            IgnoreKeyspaces = options.IgnoreKeyspaces.ToImmutableHashSet(StringComparer.Ordinal),
            AllowUnavailableKeyspaces = options.AllowUnavailable.ToImmutableHashSet(StringComparer.Ordinal),
            KeyspaceFilter = options.SelectedKeyspaces().ToImmutableHashSet(StringComparer.Ordinal),
            IncludeSystemKeyspaces = options.IncludeSystemKeyspaces,
            StrictConsistency = options.StrictConsistency,
            StopAfter = Positive(options.StopAfter, "--stop-after"),
            IgnoreDownNodes = options.IgnoreDownNodes,
            AllowSchemaDisagreement = options.AllowSchemaDisagreement,
            HaltOnFailure = (options.MaxFailures ?? 0) == 0,
        };
    }

    private static int? Positive(int? value, string flag) => value is null or > 0
        ? value
        : throw new CstarException($"{flag} must be a positive number; got {value}.", $"Give {flag} 1 or more.", ExitCode.Usage);

    public static async Task<ImmutableArray<string>> HostNamesAsync(JobOptions options, CancellationToken cancellationToken)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        if (options.Hosts.Any())
        {
            names.AddRange(SeedList.Parse(options.Hosts, "--host"));
        }

        if (options.HostFile is { } file)
        {
            string content;
            try
            {
                content = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (IOException e)
            {
                throw new CstarException($"Cannot read --host-file {file}: {e.Message}", "Check the path; the file lists one host per line.");
            }

            names.AddRange(HostListParser.ParseFile(content));
        }

        return names.ToImmutable();
    }
}
