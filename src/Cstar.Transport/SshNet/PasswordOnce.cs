namespace Cstar.Transport.SshNet;

/// <summary>
/// The SSH password prompt, asked at most once per transport (connections to many hosts may need it at once:
/// the others wait for the same answer). The answer lives in memory only.
/// </summary>
internal sealed class PasswordOnce(Func<string, string?>? prompt)
{
    private readonly Lock _gate = new();
    private bool _asked;
    private string? _answer;

    public string? Get(string host)
    {
        lock (_gate)
        {
            if (!_asked)
            {
                _answer = prompt?.Invoke(host);
                _asked = true;
            }

            return _answer;
        }
    }
}
