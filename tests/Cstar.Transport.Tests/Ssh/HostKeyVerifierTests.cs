using Cstar.Transport.Ssh;
using FluentAssertions;
using Xunit;
using static Cstar.Transport.Tests.Ssh.TestHostKeys;

namespace Cstar.Transport.Tests.Ssh;

/// <summary>Several known_hosts files (an ssh_config UserKnownHostsFile list) read as one, as OpenSSH reads them.</summary>
public sealed class HostKeyVerifierTests : IDisposable
{
    private static readonly byte[] KeyA = Blob("ssh-ed25519", 1);
    private static readonly byte[] KeyB = Blob("ssh-ed25519", 2);
    private readonly string _directory = Directory.CreateTempSubdirectory("cstar-known-hosts-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_key_in_a_later_file_is_known()
    {
        var files = Files(string.Empty, $"db1 {Line(KeyA)}\n");
        new HostKeyVerifier(acceptNew: false).Verify(files, "db1", 22, KeyA).Should().BeNull();
        HostKeyVerifier.KnownKeyTypes(files, "db1", 22).Should().Equal("ssh-ed25519");
    }

    [Fact]
    public void A_revocation_in_a_later_file_beats_a_known_entry_in_an_earlier_one()
    {
        var files = Files($"db1 {Line(KeyA)}\n", $"@revoked db1 {Line(KeyA)}\n");
        new HostKeyVerifier(acceptNew: true).Verify(files, "db1", 22, KeyA).Should().Contain("@revoked in " + files[1]);
    }

    [Fact]
    public void A_changed_key_names_the_file_that_holds_the_old_one()
    {
        var files = Files(string.Empty, $"db1 {Line(KeyA)}\n");
        new HostKeyVerifier(acceptNew: true).Verify(files, "db1", 22, KeyB).Should().Contain("CHANGED").And.Contain("-f " + files[1]);
    }

    [Fact]
    public void An_accepted_new_key_goes_to_the_first_file_only()
    {
        var files = Files(string.Empty, string.Empty);
        new HostKeyVerifier(acceptNew: true).Verify(files, "db1", 2222, KeyA).Should().BeNull();
        File.ReadAllText(files[0]).Should().Be($"[db1]:2222 {Line(KeyA)}\n");
        File.ReadAllText(files[1]).Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_key_is_refused_by_default()
    {
        var files = Files(string.Empty);
        new HostKeyVerifier(acceptNew: false).Verify(files, "db1", 22, KeyA).Should().Contain("not known").And.Contain("--accept-new-host-keys");
        File.ReadAllText(files[0]).Should().BeEmpty();
    }

    [Fact]
    public void With_no_file_at_all_every_key_is_refused_even_when_accepting_new_keys()
    {
        new HostKeyVerifier(acceptNew: true).Verify([], "db1", 22, KeyA).Should().Contain("UserKnownHostsFile none").And.Contain("--ssh-known-hosts");
        Directory.EnumerateFileSystemEntries(_directory).Should().BeEmpty();
    }

    [Fact]
    public void An_accepted_key_creates_a_missing_ssh_folder_0700_and_known_hosts_0600()
    {
        var folder = Path.Combine(_directory, "home", ".ssh");
        var knownHosts = Path.Combine(folder, "known_hosts");

        new HostKeyVerifier(acceptNew: true).Verify([knownHosts], "db1", 22, KeyA).Should().BeNull();

        File.ReadAllText(knownHosts).Should().Contain("db1 ");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.GetUnixFileMode(knownHosts).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_key_accepted_without_recording_is_trusted_for_the_run_and_nothing_is_written()
    {
        var knownHosts = Path.Combine(_directory, "home", ".ssh", "known_hosts");

        new HostKeyVerifier(acceptNew: true, recordAccepted: false).Verify([knownHosts], "db1", 22, KeyA).Should().BeNull();

        Directory.Exists(Path.Combine(_directory, "home")).Should().BeFalse("--dry-run writes nothing, not even ~/.ssh");
    }

    private string[] Files(params string[] contents)
    {
        var paths = contents.Select((_, i) => Path.Combine(_directory, $"known_hosts_{i}")).ToArray();
        for (var i = 0; i < paths.Length; i++)
        {
            File.WriteAllText(paths[i], contents[i]);
        }

        return paths;
    }
}
