// The transports drive sshd, sh, setsid and /proc: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
