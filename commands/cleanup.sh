#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: false
# C* strategy: topology
# C* wait-for: compactions<100
# C* description: Remove the data a node no longer owns (nodetool cleanup), e.g. after nodes were added; replica sets never at once, and a host starts (and counts back) only when it and its replicas have fewer than 100 pending compactions (--max-pending-compactions N to change it)
# C* argument: {"option":"--keyspace", "name":"CLEANUP_KEYSPACE", "description":"The keyspace to clean up (none: every keyspace)", "default":""}
# C* argument: {"option":"--jobs", "name":"CLEANUP_JOBS", "description":"SSTables cleaned at once on the node (nodetool cleanup -j; none: nodetool's default)", "default":""}

set -eu
case "$CLEANUP_JOBS" in
  *[!0-9]*) echo "--jobs must be a whole number, not '$CLEANUP_JOBS'" >&2; exit 2 ;;
esac
case "$CLEANUP_KEYSPACE" in
  *[!A-Za-z0-9_]*) echo "--keyspace must be a keyspace name (letters, digits, _), not '$CLEANUP_KEYSPACE'" >&2; exit 2 ;;
esac
args=(cleanup)
[ -n "$CLEANUP_JOBS" ] && args+=(-j "$CLEANUP_JOBS")
[ -n "$CLEANUP_KEYSPACE" ] && args+=("$CLEANUP_KEYSPACE")
echo "$(hostname): nodetool ${args[*]}"
nodetool "${args[@]}"
echo "$(hostname): cleanup done"
