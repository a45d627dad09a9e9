using System.Diagnostics;

namespace Cstar.Benchmarks.Discovery;

/// <summary>Samples the managed heap every 5 ms on its own thread and keeps the largest value seen (the GC's own peak is not exposed).</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakManaged;

    public PeakMemorySampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "peak-memory" };
        _thread.Start();
    }

    public long PeakManagedBytes => Interlocked.Read(ref _peakManaged);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stop)
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > _peakManaged)
            {
                Interlocked.Exchange(ref _peakManaged, now);
            }

            Thread.Sleep(5);
        }
    }

    public static long PeakWorkingSetBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
