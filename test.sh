#!/usr/bin/env bash
# Builds cstar and runs its tests. Two lanes:
#   ./test.sh --fast   everyday work: no loopback SSH cluster, no packing of the global tools, no nested builds
#                      (tests with the trait Category=Loopback or Category=Slow are left out). Under 2 minutes.
#   ./test.sh          the whole suite, the way CI runs it (.ci/run calls this).
# Any further arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~RunVerb").
# As root it installs what the loopback cluster needs (openssh-server, unshare) and the browser test's chromium; as
# another user it says what is missing and goes on: the tests that need them are reported skipped, with the reason.
# Ends with one line over every test assembly: "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

fast=0
if [ "${1:-}" = "--fast" ]; then
  fast=1
  shift
fi

# The format check, on in both lanes (CSTAR_FORMAT_CHECK=off skips it). The build already fails on the code-style,
# naming and analyzer rules (EnforceCodeStyleInBuild, TreatWarningsAsErrors); what it cannot see is whitespace, which
# `dotnet format whitespace --folder` checks from .editorconfig alone, without loading the solution (seconds). The
# whole lane also runs the full `dotnet format --verify-no-changes` after the build (about a minute on 2 cores).
format_check="${CSTAR_FORMAT_CHECK:-on}"
format_fix="run 'dotnet format Cstar.sln' (or only on your files: --include <files>) and commit the result."

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 2; }

if [ "$fast" -eq 0 ]; then
  missing=()
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
  command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  command -v tmux >/dev/null 2>&1 || missing+=(tmux) # a real terminal for the live view's tests
  # The timeline report's browser test loads the page in Debian's headless Chromium.
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    # shellcheck disable=SC2207
    missing=($(printf '%s\n' "${missing[@]}" | sort -u))
    if [ "$(id -u)" -eq 0 ]; then
      echo "test.sh: installing ${missing[*]}"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "test.sh: missing ${missing[*]} (install with: sudo apt-get install -y ${missing[*]})." >&2
    fi
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: not root: the tests that start the loopback SSH cluster (real sshd processes logging in as root)" >&2
    echo "         will be reported skipped. Run ./test.sh as root to run them." >&2
  fi
  mkdir -p /run/sshd 2>/dev/null || true
fi
if [ ! -d ../shared/nodetool-samples/public ]; then
  echo "test.sh: ../shared/nodetool-samples/public is not beside this checkout: the public-sample tests will be reported skipped." >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$format_check" = "on" ]; then
  dotnet format whitespace --folder --verify-no-changes -v q --exclude '**/obj/**' '**/bin/**' ||
    { echo "test.sh: whitespace differs from .editorconfig: $format_fix" >&2; exit 1; }
fi
dotnet build Cstar.sln -c Release -nologo -v q -clp:NoSummary
if [ "$fast" -eq 0 ] && [ "$format_check" = "on" ]; then
  dotnet format Cstar.sln --verify-no-changes --no-restore -v q || { echo "test.sh: $format_fix" >&2; exit 1; }
fi
# Not --no-build: the published program is ReadyToRun-compiled for this machine's RID (Cstar.Cli.csproj), a build of
# its own that `dotnet build` (RID-less) does not make; the libraries it references are up to date and not rebuilt.
dotnet publish src/Cstar.Cli -c Release -o out -nologo -v q
export CSTAR_PUBLISHED_DIR="$PWD/out"

filter=()
if [ "$fast" -eq 1 ]; then
  filter=(--filter "Category!=Loopback&Category!=Slow")
fi

log=$(mktemp)
results=$(mktemp -d)
trap 'rm -rf "$log" "$results"' EXIT
set +e
dotnet test Cstar.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" --logger trx \
  --results-directory "$results" "${filter[@]}" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e

# Why tests were skipped, one line per reason with its count (the reasons are in the .trx results).
awk '/<UnitTestResult /{skipped = /outcome="NotExecuted"/} skipped && /<Message>/ {
       sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); n[$0]++ }
     END {for (r in n) printf "Skipped %d: %s\n", n[r], r}' "$results"/*.trx 2>/dev/null | sort || true

# One summary line over every test assembly, e.g. "Tests: 412 passed, 0 failed, 3 skipped".
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {print "Tests: " p+0 " passed, " f+0 " failed, " s+0 " skipped"}'
exit "$rc"
