using System.Collections.Concurrent;
using Cstar.Core.Errors;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Cstar.Transport.SshNet;

/// <summary>
/// Loads private keys (ed25519, ecdsa, rsa; OpenSSH or PEM format) once per transport. An encrypted key's
/// passphrase comes from <c>CSTAR_SSH_KEY_PASSPHRASE</c> or the prompt, is asked once (the decrypted key is
/// kept, the passphrase is not), and is never written anywhere.
/// </summary>
internal sealed class KeyRing(Func<string, string?>? passphrasePrompt)
{
    public const string PassphraseVariable = "CSTAR_SSH_KEY_PASSPHRASE";
    private readonly ConcurrentDictionary<string, Lazy<PrivateKeyFile>> _keys = new(StringComparer.Ordinal);

    public IReadOnlyList<IPrivateKeySource> Load(IEnumerable<string> paths) =>
        paths.Select(p => (IPrivateKeySource)_keys.GetOrAdd(Path.GetFullPath(p), full => new Lazy<PrivateKeyFile>(() => Read(full))).Value).ToList();

    private PrivateKeyFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CstarException($"The SSH identity file {path} does not exist.", "Check --ssh-identity-file or the IdentityFile line of your ssh_config.");
        }

        try
        {
            return new PrivateKeyFile(path);
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            var passphrase = Environment.GetEnvironmentVariable(PassphraseVariable) ?? passphrasePrompt?.Invoke(path);
            if (string.IsNullOrEmpty(passphrase))
            {
                throw new CstarException($"The SSH key {path} is encrypted and no passphrase was given.", $"Set {PassphraseVariable}, run from a terminal to be asked, or use --ssh-lib openssh with an ssh-agent.");
            }

            try
            {
                return new PrivateKeyFile(path, passphrase);
            }
            catch (SshException e)
            {
                throw new CstarException($"Could not decrypt the SSH key {path}: {e.Message}", "Check the passphrase.", ExitCode.UserError, e);
            }
        }
        catch (SshException e)
        {
            throw new CstarException($"Could not read the SSH key {path}: {e.Message}", "Use an OpenSSH or PEM private key (ed25519, ecdsa or rsa).", ExitCode.UserError, e);
        }
    }
}
