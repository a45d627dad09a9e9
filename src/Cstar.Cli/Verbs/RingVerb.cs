using Cstar.Cli.Composition;
using Cstar.Ring.Discovery;
using Cstar.Ring.Rendering;

namespace Cstar.Cli.Verbs;

/// <summary>
/// `cstar ring`: the topology every job would use, from the same discovery: clusters, DCs, racks and hosts
/// with state, load, host id, Cassandra and schema versions.
/// </summary>
internal sealed class RingVerb(TextWriter stdout, TextWriter stderr, IConsolePrompt prompt, TimeProvider time)
{
    public async Task<int> RunAsync(RingOptions options, CancellationToken cancellationToken)
    {
        var format = OutputFormats.Parse(options.Output);
        var seeds = SeedList.Parse(options.SeedHosts.Any() ? options.SeedHosts : options.Hosts);
        var discoveryOptions = new DiscoveryOptions(seeds)
        {
            Keyspace = options.DiscoveryKeyspace(),
            Nodetool = NodetoolCommand.Build(options),
        };

        await using var transport = TransportFactory.Create(options, SshOptionsFactory.From(options, prompt), time);
        var result = await new RingDiscovery(transport).DiscoverAsync(discoveryOptions, cancellationToken);
        foreach (var failure in result.SeedFailures)
        {
            await stderr.WriteLineAsync($"warning: seed {failure.Seed} was not used: {failure.Reason}");
        }

        var topology = await RingVersions.FillAsync(result.Topology, transport, discoveryOptions.Nodetool, cancellationToken);
        if (format == OutputFormat.Json)
        {
            await stdout.WriteLineAsync(RingJson.Serialize(topology));
            return 0;
        }

        foreach (var line in RingTextRenderer.Render(topology))
        {
            await stdout.WriteLineAsync(line);
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(RingTextRenderer.Legend);
        return 0;
    }
}
