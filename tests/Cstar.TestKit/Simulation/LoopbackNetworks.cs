using System.Net;
using System.Net.Sockets;
using Cstar.TestKit.Requirements;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// Hands each cluster its own 127.N.0.0/16 (N in 20..250, never reused inside one test process) after checking
/// that nobody listens on its first host's SSH port, so parallel clusters and other suites do not collide.
/// Every loopback cluster starts here: where it cannot run (not root, no sshd), the calling test is reported skipped.
/// </summary>
public static class LoopbackNetworks
{
    private static readonly HashSet<int> Taken = [];

    public static int Allocate(int sshPort)
    {
        LoopbackRequirement.SkipUnlessAvailable();
        lock (Taken)
        {
            var start = Random.Shared.Next(20, 251);
            for (var i = 0; i < 231; i++)
            {
                var network = 20 + ((start - 20 + i) % 231);
                if (!Taken.Contains(network) && IsFree(network, sshPort))
                {
                    Taken.Add(network);
                    return network;
                }
            }
        }

        throw new InvalidOperationException("no free 127.N.0.0/16 network for a loopback cluster");
    }

    private static bool IsFree(int network, int sshPort)
    {
        try
        {
            var probe = new TcpListener(IPAddress.Parse($"127.{network}.1.1"), sshPort);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
