#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: false
# C* strategy: topology
# C* wait-for: compactions<100
# C* description: Repair each node's primary ranges (nodetool repair -pr), full by default or incremental, replica sets never at once; a host starts (and counts back) only when it and its replicas have fewer than 100 pending compactions (--max-pending-compactions N to change it, --no-streaming to also wait for streams)
# C* argument: {"option":"--keyspace", "name":"REPAIR_KEYSPACE", "description":"The keyspace to repair (none: every keyspace)", "default":""}
# C* argument: {"option":"--mode", "name":"REPAIR_MODE", "description":"full or incremental", "default":"full"}
# C* argument: {"option":"--primary-range", "name":"REPAIR_PRIMARY_RANGE", "description":"true: only the ranges the node is primary for (-pr; every node of the ring must be repaired); false: all its ranges", "default":"true"}

set -eu
case "$REPAIR_MODE" in
  full|incremental) ;;
  *) echo "--mode must be full or incremental, not '$REPAIR_MODE'" >&2; exit 2 ;;
esac
case "$REPAIR_PRIMARY_RANGE" in
  true|false) ;;
  *) echo "--primary-range must be true or false, not '$REPAIR_PRIMARY_RANGE'" >&2; exit 2 ;;
esac
case "$REPAIR_KEYSPACE" in
  *[!A-Za-z0-9_]*) echo "--keyspace must be a keyspace name (letters, digits, _), not '$REPAIR_KEYSPACE'" >&2; exit 2 ;;
esac

# 2.0 and 2.1 repair in full by default (-inc for incremental, which needs -par); from 2.2 incremental is the default (-full for full).
version=$(nodetool version | sed -n 's/^ReleaseVersion: //p')
args=(repair)
case "$version" in
  2.0.*|2.1.*) [ "$REPAIR_MODE" = incremental ] && args+=(-par -inc) ;;
  *) [ "$REPAIR_MODE" = full ] && args+=(-full) ;;
esac
[ "$REPAIR_PRIMARY_RANGE" = true ] && args+=(-pr)
[ -n "$REPAIR_KEYSPACE" ] && args+=("$REPAIR_KEYSPACE")
echo "$(hostname): nodetool ${args[*]} (Cassandra $version)"
nodetool "${args[@]}"
echo "$(hostname): repair done"
