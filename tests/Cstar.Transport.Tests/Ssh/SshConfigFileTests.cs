using Cstar.Core.Errors;
using Cstar.Transport.Ssh;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Ssh;

public sealed class SshConfigFileTests
{
    private const string Config = """
        # global first
        User globaluser

        Host db-* !db-9
          HostName %h.internal
          Port 2222
          IdentityFile ~/.ssh/cassandra

        Host db-?
          User dbuser
          Port 22

        Host *
          User=fallback
          ProxyJump ops@bastion:2200
        """;

    [Fact]
    public void The_first_value_found_wins_per_keyword()
    {
        var host = SshConfigFile.Parse(Config).Resolve("db-1");
        host.Should().Be(new SshHostConfig("db-1.internal", "globaluser", 2222, Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh/cassandra"), "ops@bastion:2200"));
    }

    [Fact]
    public void A_negated_pattern_excludes_a_host_from_its_block()
    {
        var host = SshConfigFile.Parse(Config).Resolve("db-9");
        host.HostName.Should().BeNull();
        host.Port.Should().Be(22);
    }

    [Fact]
    public void A_host_matching_no_block_gets_only_global_and_wildcard_values()
    {
        var host = SshConfigFile.Parse(Config).Resolve("web1");
        host.Should().Be(new SshHostConfig(null, "globaluser", null, null, "ops@bastion:2200"));
    }

    [Fact]
    public void Match_blocks_are_not_applied()
    {
        var host = SshConfigFile.Parse("Match user root\n  Port 2022\n").Resolve("db1");
        host.Port.Should().BeNull();
    }

    [Fact]
    public void A_bad_port_is_a_user_error_with_a_hint()
    {
        var resolve = () => SshConfigFile.Parse("Host *\n  Port twenty\n").Resolve("db1");
        resolve.Should().Throw<CstarException>().Which.Hint.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void UserKnownHostsFile_lists_expanded_and_quoted_files_and_none_lists_no_file()
    {
        var config = SshConfigFile.Parse("Host db-*\n  UserKnownHostsFile ~/.ssh/kh_%h \"/tmp/with space/kh\"\nHost web*\n  UserKnownHostsFile none\n");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        config.Resolve("db-1").UserKnownHostsFiles.Should().Equal(home + "/.ssh/kh_db-1", "/tmp/with space/kh");
        config.Resolve("web1").UserKnownHostsFiles.Should().BeEmpty();
        config.Resolve("other").UserKnownHostsFiles.Should().BeNull();
    }

    [Fact]
    public void The_known_hosts_files_come_from_the_option_then_the_ssh_config_then_the_default()
    {
        var config = SshConfigFile.Parse("Host db-1 bastion\n  UserKnownHostsFile /cfg/kh /cfg/kh2\nHost *\n  ProxyJump bastion\n");
        var fromConfig = new SshTargetResolver(new SshOptions(), config).Resolve("db-1");
        var explicitFile = new SshTargetResolver(new SshOptions { KnownHostsFile = "/opt/kh" }, config).Resolve("db-1");
        var neither = new SshTargetResolver(new SshOptions(), SshConfigFile.Empty).Resolve("db-1");

        fromConfig.KnownHostsFiles.Should().Equal("/cfg/kh", "/cfg/kh2");
        fromConfig.Jump!.KnownHostsFiles.Should().Equal("/cfg/kh", "/cfg/kh2");
        explicitFile.KnownHostsFiles.Should().Equal("/opt/kh");
        explicitFile.Jump!.KnownHostsFiles.Should().Equal("/opt/kh");
        neither.KnownHostsFiles.Should().Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts"));
    }

    [Theory]
    [InlineData("bastion", null, "bastion", null)]
    [InlineData("ops@bastion", "ops", "bastion", null)]
    [InlineData("ops@bastion:2200", "ops", "bastion", 2200)]
    [InlineData("[::1]:2200", null, "::1", 2200)]
    public void A_jump_host_spec_is_user_host_and_port(string spec, string? user, string host, int? port)
    {
        SshTargetResolver.ParseJumpHost(spec).Should().Be((user, host, port));
    }

    [Fact]
    public void A_jump_host_with_a_bad_port_is_a_user_error()
    {
        var parse = () => SshTargetResolver.ParseJumpHost("bastion:99999");
        parse.Should().Throw<CstarException>();
    }

    [Fact]
    public void Options_override_the_config_and_a_jump_host_is_resolved_too()
    {
        var resolver = new SshTargetResolver(new SshOptions { Port = 2022, IdentityFile = "/k" }, SshConfigFile.Parse(Config));
        var target = resolver.Resolve("db-1");
        target.HostName.Should().Be("db-1.internal");
        target.Port.Should().Be(2022);
        target.IdentityFiles.Should().Equal("/k");
        target.Jump.Should().NotBeNull();
        target.Jump!.HostName.Should().Be("bastion");
        target.Jump.User.Should().Be("ops");
        target.Jump.Port.Should().Be(2200);
    }
}
