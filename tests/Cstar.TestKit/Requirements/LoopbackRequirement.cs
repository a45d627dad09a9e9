using Xunit;

namespace Cstar.TestKit.Requirements;

/// <summary>
/// What the loopback test cluster and the test sshd need: root (they log in as root and enter namespaces),
/// openssh-server, openssh-client and unshare. A test that needs them is a <c>[SkippableFact]</c> and is
/// reported skipped, with the missing piece as the reason, when they are not there.
/// </summary>
public static class LoopbackRequirement
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Why the loopback cluster cannot start here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    public static bool IsAvailable => MissingReason is null;

    /// <summary>Throws xunit's skip exception (the test is reported skipped) unless the loopback cluster can start.</summary>
    public static void SkipUnlessAvailable() => Skip.If(MissingReason is not null, MissingReason);

    private static string? FindMissing()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "needs root: the loopback cluster starts real sshd processes that log in as root (run ./test.sh as root)";
        }

        var missing = new[] { "/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/unshare" }.Where(p => !File.Exists(p)).ToList();
        return missing.Count == 0
            ? null
            : $"missing {string.Join(", ", missing)}: install openssh-server, openssh-client and util-linux (./test.sh as root does it)";
    }
}
