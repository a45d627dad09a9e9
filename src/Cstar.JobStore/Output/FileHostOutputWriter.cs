using System.Globalization;
using System.Text;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.JobStore.Output;

/// <summary>
/// Appends a host's streamed output to <c>out</c> and <c>err</c> as it arrives. The streams are
/// unbuffered: every chunk reaches the operating system when <see cref="Append"/> returns, so a crash
/// of cstar loses nothing already received and <c>tail -f</c> / <c>jobs log --follow</c> see it at once.
/// <see cref="WriteStatus"/> fsyncs both files, then writes <c>status</c> atomically (temp file + rename):
/// a status file is never half-written. Reopening appends (resume keeps what was already stored).
/// </summary>
public sealed class FileHostOutputWriter : IHostOutputWriter
{
    private readonly FileStream _out;
    private readonly FileStream _err;
    private readonly string _status;

    public FileHostOutputWriter(JobStorePaths paths, string jobId, string host)
    {
        ArgumentNullException.ThrowIfNull(paths);
        PrivateFiles.Folder(paths.HostFolder(jobId, host));
        _out = OpenAppend(paths.OutputFile(jobId, host, OutputChannel.Out));
        _err = OpenAppend(paths.OutputFile(jobId, host, OutputChannel.Err));
        _status = paths.StatusFile(jobId, host);
    }

    public long StoredLength(OutputChannel channel) => Stream(channel).Length;

    public void Append(OutputChannel channel, ReadOnlySpan<byte> chunk) => Stream(channel).Write(chunk);

    public void WriteStatus(int exitCode)
    {
        _out.Flush(flushToDisk: true);
        _err.Flush(flushToDisk: true);
        var temporary = _status + ".tmp";
        using (var file = new FileStream(temporary, PrivateFiles.Options(FileMode.Create, FileAccess.Write, FileShare.None)))
        {
            file.Write(Encoding.ASCII.GetBytes(exitCode.ToString(CultureInfo.InvariantCulture)));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, _status, overwrite: true);
    }

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private static FileStream OpenAppend(string path) =>
        new(path, PrivateFiles.Options(FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0));

    private FileStream Stream(OutputChannel channel) => channel == OutputChannel.Out ? _out : _err;
}
