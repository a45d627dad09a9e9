using Cstar.Core.Errors;

namespace Cstar.Simulator.Host.Hosts;

/// <summary>Generates ed25519 keys with the real ssh-keygen (no passphrase), bounded in time.</summary>
public static class SshKeys
{
    public const string KeygenProgram = "/usr/bin/ssh-keygen";

    public static async Task GenerateAsync(string keyPath, string comment, CancellationToken cancellationToken)
    {
        // A cluster directory reused after `down` keeps its old keys; ssh-keygen would stop to ask before
        // overwriting them. Every `up` makes a fresh cluster, so the old keys go.
        File.Delete(keyPath);
        File.Delete(keyPath + ".pub");
        var (exit, _, stderr) = await ProcessRunner.RunAsync(
            KeygenProgram,
            ["-q", "-t", "ed25519", "-N", string.Empty, "-C", comment, "-f", keyPath],
            TimeSpan.FromSeconds(30),
            cancellationToken).ConfigureAwait(false);
        if (exit != 0)
        {
            throw new CstarException($"ssh-keygen failed for {keyPath}: {stderr.Trim()}", "Check that openssh-client is installed and the cluster directory is writable.");
        }
    }

    /// <summary>"ssh-ed25519 AAAA…" without the comment, as known_hosts wants it.</summary>
    public static string PublicKeyOf(string keyPath)
    {
        var parts = File.ReadAllText(keyPath + ".pub").Trim().Split(' ');
        return parts[0] + " " + parts[1];
    }
}
