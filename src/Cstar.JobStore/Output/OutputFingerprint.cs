using System.Security.Cryptography;

namespace Cstar.JobStore.Output;

/// <summary>
/// What identifies a stored output for grouping hosts with identical output: its length and its SHA-256,
/// computed by reading the file in 64 KB pieces (never the whole file in memory). A missing file is empty.
/// </summary>
public sealed record OutputFingerprint(long Length, string Sha256)
{
    private const int PieceSize = 64 * 1024;

    public static OutputFingerprint Of(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        if (File.Exists(path))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            var piece = new byte[PieceSize];
            int read;
            while ((read = file.Read(piece)) > 0)
            {
                hash.AppendData(piece, 0, read);
                length += read;
            }
        }

        return new OutputFingerprint(length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
