using System.Globalization;

namespace Cstar.Transport.Detached;

/// <summary>
/// The fixed <c>sh</c> programs of a detached run. Values never go into the text: they arrive as positional
/// parameters (quoted by <see cref="ShellQuote"/>) or in the run folder's 0600 files.
/// <para>Run folder: <c>bundle</c> (0600, unpacks <c>env</c> and <c>command</c>), <c>started.lock</c> (the atomic
/// attach-or-start: <c>mkdir</c> succeeds once), <c>pid</c>, <c>out</c>, <c>err</c>, <c>status</c> (temp + rename),
/// and the timeout's marks: <c>timedout</c> (the kill's intent, written before it looks for the pid), <c>killed</c>
/// (the process group was seen gone after the kill), <c>notstarted</c> (the wrapper found <c>timedout</c> right after
/// writing its pid and never ran the command).</para>
/// </summary>
internal static class DetachedScripts
{
    public const string PidMarker = "cstar-pid:";
    public const int ExitStatusNonZero = 90;
    public const int ExitVanished = 91;
    public const int ExitNoFolder = 92;
    public const int ExitTimedOut = 93;
    public const int ExitNeverStarted = 94;

    public const int ExitGoneSameBoot = 95;
    public const int ExitStatusUnreadable = 96;
    public const int ExitDiskFull = 97;
    public const int ExitBundleIncomplete = 98;
    public const int ExitNotStarted = 99;

    /// <summary>The kill's exits other than 0 (its process group was killed and is gone; also when an earlier kill did it).</summary>
    public const int KillNeverStarted = 81;
    public const int KillAlreadyEnded = 82;
    public const int KillGoneWithoutStatus = 83;
    public const int KillSurvived = 84;
    public const int KillCannotMark = 85;

    /// <summary>
    /// $1 folder, $2/$3 out/err byte offsets already stored locally, $4 poll interval (s), $5 (optional) the byte
    /// length of the bundle on standard input. With $5, the folder is made (0700) and the bundle read from stdin
    /// (0600, checked complete, so a cut transfer is never run) unless the folder already started: one round trip
    /// starts a run, and the bundle's secrets never reach an argv. Without $5 it only attaches. Starts the command
    /// unless this folder already started it (mkdir started.lock is atomic: a second start is impossible), then prints "cstar-pid:PID" and follows
    /// out/err from the offsets until a status exists. The bundle is deleted once unpacked (or found already started),
    /// the env file by the command's shell once read, before the command starts: no secret value rests on the host.
    /// The boot id at the start is kept in <c>boot</c>. Exit: 0 (status 0), 90 (non-zero status: read it), 91 (process
    /// gone without status on a NEW boot: the host rebooted under it), 92 (no folder/bundle), 93 (killed by the
    /// per-host timeout), 94 (started.lock but never a pid), 95 (process gone without status, same boot), 96 (the
    /// status is not a number), 97 (no status and the disk is full), 98 (the bundle on stdin arrived incomplete), 99 (a
    /// timeout's kill came before the command started: it never ran).
    /// <para>The wrapper writes its pid, then looks for <c>timedout</c>; the kill writes <c>timedout</c>, then looks for
    /// the pid. So a kill that finds no pid has stopped the command from ever starting, and one that finds it kills the
    /// process group: never a "killed" for a command that then runs. A wrapper that cannot write its pid (a full disk)
    /// does not start the command either.</para>
    /// <para>The start and the end are seen at once when this shell started the command: the wrapper is its child
    /// (setsid does not fork for a process that leads no group) and sends it a SIGCHLD once its pid file is in place;
    /// its exit sends another. The trapped signal cuts the wait between polls short (dash, and bash as sh; a shell
    /// whose wait ignores the trap, or a re-attach, polls). An idle poll costs one wc and one sleep: the process is
    /// checked with builtins (its start time in /proc/PID/stat, read once it is known to be this run's wrapper: this
    /// shell's child, or the command line says so). A sleep left running by an early wake-up ends by itself. A process
    /// found gone gets one more pass over out/err: what it wrote between that pass's read and its death is kept.</para>
    /// tail's own errors go to /dev/null: when the file grew since <c>wc</c>, head stops first and tail's "Broken pipe"
    /// would otherwise land in the command's stderr (the stored err must hold only what the command wrote).
    /// </summary>
    public const string RunOrAttach = """
        d=$1; oo=$2; eo=$3; iv=$4; bl=${5:-}
        full() { [ "$(df -Pk . 2>/dev/null | awk 'NR==2 {print $4}')" = 0 ]; }
        if [ -n "$bl" ]; then
          [ -d "$d" ] || (umask 077; mkdir -p -- "$d") 2>/dev/null
          cd "$d" 2>/dev/null || exit 92
          if [ -d started.lock ]; then cat > /dev/null; else
            (umask 077; exec cat > bundle) && [ "$(wc -c < bundle)" -eq "$bl" ] || { rm -f bundle; full && exit 97; exit 98; }
          fi
        else
          cd "$d" 2>/dev/null || exit 92
        fi
        w=
        if [ -n "$bl" ] && mkdir started.lock 2>/dev/null; then
          (. ./bundle) || { rm -f bundle env; full && exit 97; exit 92; }
          b=; { read -r b < /proc/sys/kernel/random/boot_id; } 2>/dev/null; [ -n "$b" ] && echo "$b" > boot
          : > out; : > err
          trap 'g=1' CHLD
          setsid sh -c 'trap "" HUP; { echo $$ > pid.tmp && mv -f pid.tmp pid; } || exit; kill -s CHLD "$2" 2>/dev/null; if [ -f timedout ]; then rm -f env bundle; : > notstarted; echo 124 > status.tmp; mv -f status.tmp status; exit; fi; . ./env; rm -f env bundle; l=; IFS= read -r l < command; case "$l" in "#!"*) chmod 700 command; ./command ;; *) if command -v bash >/dev/null 2>&1; then bash ./command; else sh ./command; fi ;; esac; echo $? > status.tmp; mv -f status.tmp status' cstar-job "$d" "$$" </dev/null >>out 2>>err &
          w=$!
        elif [ -f bundle ]; then
          rm -f bundle
        fi
        alive() { kill -0 "$p" 2>/dev/null || return 1; [ -r "/proc/$p/cmdline" ] || return 0; [ "$(tr '\0' '\n' < "/proc/$p/cmdline" | sed -n 4,5p | tr '\n' ' ')" = "cstar-job $d " ]; }
        since() { x=; { read -r x < "/proc/$p/stat"; } 2>/dev/null; x=${x##*) }; set -- $x; x=; [ $# -ge 20 ] && [ "$1" != Z ] && x=${20}; }
        live() { if [ -n "$st" ]; then since; [ "$x" = "$st" ]; else alive; fi; }
        n=0
        while [ ! -f pid ] && [ ! -f status ]; do
          n=$((n+1)); [ "$n" -gt 200 ] && { full && exit 97; exit 94; }
          g=0; [ -f pid ] || { sleep 0.05 </dev/null >/dev/null 2>&1 & [ "$g" = 1 ] || wait $!; }
        done
        p=; { read -r p < pid; } 2>/dev/null; p=${p:-0}; printf 'cstar-pid:%s\n' "$p"
        st=; gone=; { [ "$p" = "$w" ] || alive; } && since && st=$x
        while :; do
          fin=0; [ -f status ] && fin=1
          set -- $(wc -c out err 2>/dev/null)
          if [ "$2" = out ] && [ "$4" = err ]; then no=$1; ne=$3; else no=$(wc -c < out 2>/dev/null); ne=$(wc -c < err 2>/dev/null); fi
          if [ "${no:-0}" -gt "$oo" ]; then tail -c +$((oo+1)) out 2>/dev/null | head -c $((no-oo)); oo=$no; fi
          if [ "${ne:-0}" -gt "$eo" ]; then tail -c +$((eo+1)) err 2>/dev/null | head -c $((ne-eo)) >&2; eo=$ne; fi
          if [ "$fin" = 1 ]; then
            [ -f killed ] && exit 93
            [ -f notstarted ] && exit 99
            s=$(cat status 2>/dev/null)
            [ "$s" = 0 ] && exit 0
            case "$s" in ''|*[!0-9]*) full && exit 97; exit 96 ;; esac
            exit 90
          fi
          if ! live; then
            [ -f status ] && continue
            [ -z "$gone" ] && { gone=1; continue; }
            full && exit 97
            b=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)
            [ -n "$b" ] && [ -s boot ] && [ "$b" != "$(cat boot)" ] && exit 91
            exit 95
          fi
          g=0; [ -f status ] || { sleep "$iv" </dev/null >/dev/null 2>&1 & [ "$g" = 1 ] || wait $!; }
        done
        """;

    /// <summary>
    /// $1 folder, $2 grace (tenths of a second): the per-host timeout's kill, safe to send again (a dropped link).
    /// Writes <c>timedout</c> first (making the folder if the start never got that far), then reads the pid: none means
    /// the command never started and never will (exit 81; 85 when the mark could not be written: it may still start).
    /// Else, unless the group is already gone (82: it ended by itself, its status on stdout; 83: gone without a status,
    /// or the host rebooted), it TERMs the process group, KILLs it after the grace and waits up to 5 s for it to go:
    /// still there, 84; gone, it writes <c>killed</c> and status 124 (unless the command wrote its own) and exits 0.
    /// The group is looked for in /proc (zombies do not count), so only its own processes are waited for.
    /// </summary>
    public const string Kill = """
        d=$1; g=$2
        [ -d "$d" ] || (umask 077; mkdir -p -- "$d") 2>/dev/null
        cd "$d" 2>/dev/null || exit 85
        [ -f killed ] && exit 0
        m=; : > timedout 2>/dev/null && m=1
        p=; { read -r p < pid; } 2>/dev/null
        case "$p" in ''|*[!0-9]*) [ -n "$m" ] && exit 81; exit 85 ;; esac
        nb=; b=; { read -r b < /proc/sys/kernel/random/boot_id; } 2>/dev/null
        [ -n "$b" ] && [ -s boot ] && [ "$b" != "$(cat boot)" ] && nb=1
        grp() {
          [ -z "$nb" ] && kill -s 0 -- "-$p" 2>/dev/null || return 1
          [ -r /proc/self/stat ] || return 0
          for f in /proc/[0-9]*/stat; do
            x=; { read -r x < "$f"; } 2>/dev/null; x=${x##*) }; set -- $x
            [ "$3" = "$p" ] && [ "$1" != Z ] && return 0
          done
          return 1
        }
        if ! grp; then
          [ -f notstarted ] && exit 81
          [ -f status ] && { cat status; exit 82; }
          exit 83
        fi
        kill -s TERM -- "-$p" 2>/dev/null
        i=0; while [ "$i" -lt "$g" ] && grp; do sleep 0.1; i=$((i+1)); done
        if grp; then
          kill -s KILL -- "-$p" 2>/dev/null
          i=0; while [ "$i" -lt 50 ] && grp; do sleep 0.1; i=$((i+1)); done
          grp && exit 84
        fi
        [ -f notstarted ] && exit 81
        : > killed 2>/dev/null
        [ -f status ] || { echo 124 > status.tmp && mv -f status.tmp status; } 2>/dev/null
        exit 0
        """;

    /// <summary>$1 folder: removes it, then its job folder when empty.</summary>
    public const string Cleanup = "rm -rf -- \"$1\"; rmdir -- \"$(dirname -- \"$1\")\" 2>/dev/null; exit 0";

    /// <summary>The run-or-attach argv; with <paramref name="bundleLength"/>, the bundle of that many bytes comes on its standard input.</summary>
    public static IReadOnlyList<string> RunOrAttachArgv(string folder, long outOffset, long errOffset, TimeSpan poll, int? bundleLength = null) =>
    [
        "sh", "-c", RunOrAttach, "cstar-attach", folder,
        outOffset.ToString(CultureInfo.InvariantCulture), errOffset.ToString(CultureInfo.InvariantCulture),
        poll.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture),
        .. bundleLength is { } length ? [length.ToString(CultureInfo.InvariantCulture)] : Array.Empty<string>(),
    ];

    public static IReadOnlyList<string> KillArgv(string folder, TimeSpan grace) =>
        ["sh", "-c", Kill, "cstar-kill", folder, ((int)Math.Ceiling(grace.TotalSeconds * 10)).ToString(CultureInfo.InvariantCulture)];

    public static IReadOnlyList<string> CleanupArgv(string folder) => ["sh", "-c", Cleanup, "cstar-cleanup", folder];
}
