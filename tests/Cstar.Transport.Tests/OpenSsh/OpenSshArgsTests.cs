using Cstar.Transport.OpenSsh;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.OpenSsh;

public sealed class OpenSshArgsTests
{
    [Fact]
    public void The_ssh_argv_never_prompts_checks_host_keys_strictly_and_ends_with_host_and_command()
    {
        var args = new OpenSshArgs(new SshOptions { AliveTimeout = TimeSpan.FromSeconds(15), ConnectTimeout = TimeSpan.FromSeconds(7) }, "/tmp/ctl");
        var argv = args.Command("db1", "'true'");
        argv.Should().ContainInOrder("-o", "BatchMode=yes").And.Contain("ConnectTimeout=7").And.Contain("StrictHostKeyChecking=yes")
            .And.Contain("ControlPath=/tmp/ctl/%C").And.Contain("ServerAliveInterval=5");
        argv.TakeLast(3).Should().Equal("--", "db1", "'true'");
    }

    [Fact]
    public void Options_become_ssh_flags_and_accept_new_is_opt_in()
    {
        var options = new SshOptions { Username = "ops", Port = 2222, IdentityFile = "/k", SshConfigFile = "/cfg", KnownHostsFile = "/kh", JumpHost = "bastion", AcceptNewHostKeys = true };
        var argv = new OpenSshArgs(options, "/tmp/ctl").Command("db1", "x");
        argv.Should().ContainInOrder("-l", "ops").And.ContainInOrder("-p", "2222").And.ContainInOrder("-i", "/k").And.ContainInOrder("-F", "/cfg")
            .And.ContainInOrder("-J", "bastion").And.Contain("UserKnownHostsFile=/kh").And.Contain("StrictHostKeyChecking=accept-new");
    }

    [Fact]
    public void Master_control_addresses_the_host_without_a_command()
    {
        new OpenSshArgs(new SshOptions(), "/tmp/ctl").Control("db1", "exit").TakeLast(4).Should().Equal("-O", "exit", "--", "db1");
    }
}
