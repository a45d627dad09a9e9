using System.Diagnostics;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// Polls a condition on real outside processes (an sshd coming back) until it holds or a deadline passes.
/// Waiting on a condition, not for a time: the test still fails fast with the last observation.
/// </summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }

        return await condition();
    }
}
