namespace Cstar.Transport.Execution;

/// <summary>Shell convention for a command killed by a signal: 128 + the signal number.</summary>
internal static class ExitCodes
{
    public static int FromSignal(string? signal) => signal switch
    {
        "HUP" => 129,
        "INT" => 130,
        "QUIT" => 131,
        "ABRT" => 134,
        "KILL" => 137,
        "SEGV" => 139,
        "PIPE" => 141,
        "ALRM" => 142,
        "TERM" => 143,
        _ => 255,
    };
}
