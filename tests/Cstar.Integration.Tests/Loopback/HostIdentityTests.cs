using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class HostIdentityTests(SharedClusterFixture fixture)
{
    private LoopbackCluster Cluster => fixture.Cluster;

    [SkippableFact(Timeout = 60_000)]
    public async Task Nodetool_in_a_session_answers_as_the_host_it_runs_on()
    {
        foreach (var address in new[] { Cluster.Addresses[0], Cluster.Addresses[4] })
        {
            var answer = await Cluster.SshAsync(address, "nodetool version");

            answer.ExitCode.Should().Be(0, answer.StandardError);
            answer.StandardOutput.Should().Be($"stub nodetool version on {address}\n");
        }
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Nodetool_status_lists_every_node_by_data_center_and_rack()
    {
        var answer = await Cluster.SshAsync(Cluster.Addresses[1], "nodetool status");

        answer.ExitCode.Should().Be(0, answer.StandardError);
        answer.StandardOutput.Should().Contain("Datacenter: dc1").And.Contain("Datacenter: dc2");
        foreach (var node in Cluster.Nodes)
        {
            answer.StandardOutput.Should().MatchRegex($"UN  {node.Address.Replace(".", "\\.")} .*{node.Rack}\n");
        }
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task Hostname_names_the_simulated_host_by_address_and_by_name()
    {
        var byAddress = await Cluster.SshAsync(Cluster.Addresses[2], "hostname");
        var byName = await Cluster.SshAsync(Cluster.Nodes[3].HostName, "hostname");

        byAddress.StandardOutput.Should().Be(Cluster.Nodes[2].HostName + "\n");
        byName.StandardOutput.Should().Be(Cluster.Nodes[3].HostName + "\n");
        Environment.MachineName.Should().NotBe(Cluster.Nodes[2].HostName);
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task A_file_written_in_one_hosts_home_is_seen_by_no_other_host_nor_the_real_root()
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        var write = await Cluster.SshAsync(Cluster.Addresses[0], $"echo hi > ~/{marker} && cat /root/{marker} && echo $HOME");
        var other = await Cluster.SshAsync(Cluster.Addresses[1], $"ls ~/{marker} /root/{marker} 2>/dev/null; echo done");

        write.StandardOutput.Should().Be("hi\n/root\n");
        other.StandardOutput.Should().Be("done\n");
        File.Exists(Path.Combine("/root", marker)).Should().BeFalse();
        File.Exists(Path.Combine(Cluster.Directory, "hosts", Cluster.Addresses[0], "home", marker)).Should().BeTrue();
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task The_generated_known_hosts_and_ssh_config_name_every_host()
    {
        var knownHosts = await File.ReadAllLinesAsync(Cluster.KnownHostsPath);
        var config = await File.ReadAllTextAsync(Cluster.SshConfigPath);

        knownHosts.Should().HaveCount(Cluster.Nodes.Count).And.OnlyContain(l => l.Contains(" ssh-ed25519 "));
        knownHosts.Select(l => l.Split(' ')[2]).Distinct().Should().HaveCount(Cluster.Nodes.Count, "each host has its own key");
        foreach (var node in Cluster.Nodes)
        {
            config.Should().Contain($"Host {node.Address} {node.HostName}\n  HostName {node.Address}\n");
        }

        config.Should().Contain("StrictHostKeyChecking yes").And.Contain("IdentityFile " + Cluster.IdentityFile);
        Cluster.Addresses.Should().NotContain("127.0.0.1").And.OnlyContain(a => a.StartsWith("127."));
    }

    [SkippableFact(Timeout = 60_000)]
    public async Task The_cql_port_answers_options_with_supported_while_the_native_transport_is_up()
    {
        var supported = await CqlProbe.OptionsAsync(Cluster.Addresses[5], Cluster.CqlPort, TimeSpan.FromSeconds(10));

        supported.Should().NotBeNull();
        supported!["CQL_VERSION"].Should().Equal("3.4.5");
        supported["COMPRESSION"].Should().Contain("lz4");
        supported["PROTOCOL_VERSIONS"].Should().Contain("4/v4");
    }
}
