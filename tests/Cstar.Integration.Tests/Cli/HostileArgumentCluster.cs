using System.Text;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// One 3-host loopback cluster for <see cref="HostileArgumentTests"/>: each test uses its own hosts, store and
/// command, so they share it safely (xunit runs a class's tests one after the other).
/// </summary>
public sealed class HostileArgumentCluster : SmallRingFixture
{
    /// <summary>A command with required arguments --v0..--vN-1 (V0..) that prints "i:base64(value)" per line.</summary>
    public async Task WriteEchoCommandAsync(string name, int count)
    {
        var commands = Path.Combine(Cluster.Directory, "operator-home", ".cstar", "commands");
        Directory.CreateDirectory(commands);
        var header = new StringBuilder("#!/bin/bash\n# C* strategy: one\n# C* description: echo every argument back, base64-encoded\n");
        for (var i = 0; i < count; i++)
        {
            header.Append($"# C* argument: {{\"option\":\"--v{i}\",\"name\":\"V{i}\",\"required\":true}}\n");
        }

        header.Append($"for i in $(seq 0 {count - 1}); do n=V$i; printf '%s:%s\\n' \"$i\" \"$(printf '%s' \"${{!n}}\" | base64 -w0)\"; done\n");
        await File.WriteAllTextAsync(Path.Combine(commands, name + ".sh"), header.ToString());
    }
}
