#!/usr/bin/env bash
# Builds cstar and runs the whole test suite, the same way CI does (.ci/run calls this script).
# As root it installs what the tests need (openssh-server for the loopback test cluster);
# as another user it says exactly what to install. Ends with "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  # shellcheck disable=SC2207
  missing=($(printf '%s\n' "${missing[@]}" | sort -u))
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}. Install it with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    echo "or run ./test.sh as root (the loopback test cluster starts real sshd processes and needs root)." >&2
    exit 2
  fi
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: not root: tests that start the loopback SSH cluster will be skipped." >&2
fi
mkdir -p /run/sshd 2>/dev/null || true

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Cstar.sln -c Release -nologo -v q -clp:NoSummary
dotnet publish src/Cstar.Cli -c Release -o out --no-build -nologo -v q
export CSTAR_PUBLISHED_DIR="$PWD/out"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Cstar.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# One summary line over every test assembly, e.g. "412 passed, 0 failed, 3 skipped".
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {line=p " passed, " f " failed"; if (s>0) line=line ", " s " skipped"; print "Tests: " line}'
exit "$rc"
