#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: true
# C* strategy: one
# C* takes-node-down: true
# C* description: Rewrite SSTables in the current format (nodetool upgradesstables), one node per DC at a time
# C* argument: {"option":"--jobs", "name":"UPGRADE_JOBS", "description":"Compactions run at once on the node (nodetool upgradesstables -j)", "default":"2"}

set -eu
case "$UPGRADE_JOBS" in
  ''|*[!0-9]*) echo "--jobs must be a whole number, not '$UPGRADE_JOBS'" >&2; exit 2 ;;
esac
echo "$(hostname): nodetool upgradesstables -j $UPGRADE_JOBS"
nodetool upgradesstables -j "$UPGRADE_JOBS"
echo "$(hostname): done"
