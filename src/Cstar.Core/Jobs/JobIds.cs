namespace Cstar.Core.Jobs;

/// <summary>
/// Job ids and host names become folder names under the store's root, so they are checked here:
/// letters, digits, '.', '-', '_' and ':' (IPv6), never '.' or '..' alone.
/// </summary>
public static class JobIds
{
    public static string Validate(string id) => IsSafeName(id)
        ? id
        : throw new ArgumentException($"'{id}' cannot be a job id: use letters, digits, '.', '-', '_' (like a UUID)", nameof(id));

    public static string ValidateHost(string host) => IsSafeName(host)
        ? host
        : throw new ArgumentException($"'{host}' cannot name a host folder: use letters, digits, '.', '-', '_' or ':'", nameof(host));

    /// <summary>True when the name is usable as one path segment on every platform cstar runs on.</summary>
    public static bool IsSafeName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name is "." or "..")
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
