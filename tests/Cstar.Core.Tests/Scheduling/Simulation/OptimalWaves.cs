using System.Numerics;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Tests.Scheduling.Simulation;

/// <summary>
/// Exhaustive optimum for small cases (≤ 16 hosts): the fewest waves that cover the hosts, where a wave is
/// any set the rules allow at once with every other node live (except those already down). Valid sets are
/// closed under subsets, so the minimum cover equals the minimum partition; it is found by counting k-tuples
/// of valid sets that cover everything with inclusion–exclusion (Björklund–Husfeldt–Koivisto) modulo a prime.
/// </summary>
internal static class OptimalWaves
{
    private const ulong Prime = 2305843009213693951UL; // 2^61 - 1

    public static int Compute(RandomCase c, ConsistencyOracle oracle, IReadOnlyList<string> hosts)
    {
        var n = hosts.Count;
        var bit = hosts.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => 1 << x.i);
        var nodes = c.Topology.AllNodes.ToDictionary(x => x.Address);
        var limits = new HashSet<(int Mask, int Budget)>();
        foreach (var (members, need) in oracle.Requirements)
        {
            var mask = members.Where(bit.ContainsKey).Aggregate(0, (m, h) => m | bit[h]);
            var budget = members.Count(m => !c.InitiallyDown.Contains(m)) - need;
            limits.Add((mask, budget));
        }

        var policy = c.Policy;
        var dcMasks = hosts.GroupBy(h => nodes[h].Datacenter).Select(g => g.Aggregate(0, (m, h) => m | bit[h])).ToList();
        var rackMasks = hosts.GroupBy(h => (nodes[h].Datacenter, nodes[h].Rack)).Select(g => (Dc: g.Key.Datacenter, Mask: g.Aggregate(0, (m, h) => m | bit[h]))).ToList();
        if (policy.Strategy == SchedulingStrategy.Topology)
        {
            foreach (var ks in c.Map.Keyspaces.Where(k => !ConsistencyOracle.LeftOut(c, k.Keyspace.Name)))
            {
                foreach (var range in ks.Ranges)
                {
                    foreach (var dc in range.Endpoints.Where(bit.ContainsKey).GroupBy(h => nodes[h].Datacenter))
                    {
                        limits.Add((dc.Aggregate(0, (m, h) => m | bit[h]), 1));
                    }
                }
            }
        }

        foreach (var dcMask in dcMasks)
        {
            limits.Add((dcMask, policy.Strategy == SchedulingStrategy.One ? 1 : policy.MaxConcurrencyPerDc ?? n));
        }

        limits.Add(((1 << n) - 1, policy.MaxConcurrency ?? n));
        var limitArray = limits.Where(l => l.Mask != 0).ToArray();
        var count = new ulong[1 << n];
        for (var s = 0; s < 1 << n; s++)
        {
            count[s] = IsValid(s, limitArray, dcMasks, rackMasks, policy) ? 1UL : 0UL;
        }

        for (var i = 0; i < n; i++)
        {
            for (var s = 0; s < 1 << n; s++)
            {
                if ((s & (1 << i)) != 0)
                {
                    count[s] += count[s ^ (1 << i)];
                }
            }
        }

        var full = (1 << n) - 1;
        for (var k = 1; k <= n; k++)
        {
            ulong plus = 0, minus = 0;
            for (var s = 0; s <= full; s++)
            {
                var term = Power(count[s], k);
                if (((n - BitOperations.PopCount((uint)s)) & 1) == 0)
                {
                    plus = (plus + term) % Prime;
                }
                else
                {
                    minus = (minus + term) % Prime;
                }
            }

            if (plus != minus)
            {
                return k;
            }
        }

        return n;
    }

    private static bool IsValid(int s, (int Mask, int Budget)[] limits, List<int> dcMasks, List<(string Dc, int Mask)> rackMasks, SchedulingPolicy policy)
    {
        foreach (var (mask, budget) in limits)
        {
            if (BitOperations.PopCount((uint)(s & mask)) > budget)
            {
                return false;
            }
        }

        if (!policy.DcParallel && dcMasks.Count(m => (m & s) != 0) > 1)
        {
            return false;
        }

        return policy.Strategy != SchedulingStrategy.Rack
            || rackMasks.GroupBy(r => r.Dc).All(g => g.Count(r => (r.Mask & s) != 0) <= 1);
    }

    private static ulong Power(ulong value, int exponent)
    {
        ulong result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result = (ulong)((UInt128)result * value % Prime);
        }

        return result;
    }
}
