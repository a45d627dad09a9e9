#!/usr/bin/env bash
# C* reboots-host: true
# C* takes-node-down: true
# C* description: Drain, stop Cassandra and reboot each host, waiting until SSH answers again
# For cstarpar (runs on this machine, once per host):
#   cstarpar --seed-host 10.0.0.1 -- /path/to/commands/cstarpar/reboot.sh {}
# Drains and stops Cassandra on the host, reboots it, and waits (bounded) until SSH answers again;
# cstarpar then waits until the node is UN in its peers' views before the next host.
# SSH options for this script's own ssh calls: REBOOT_SSH_OPTS (e.g. "-F ~/.ssh/cluster_config").
# How long to wait for the host to come back: REBOOT_WAIT_SECONDS (default 900).

set -eu
host="${1:?usage: reboot.sh HOST}"
# shellcheck disable=SC2206
opts=(-o BatchMode=yes -o ConnectTimeout=5 ${REBOOT_SSH_OPTS:-})
wait_seconds="${REBOOT_WAIT_SECONDS:-900}"

echo "$host: draining and stopping Cassandra"
ssh "${opts[@]}" "$host" 'nodetool drain && sudo service cassandra stop'
boot_before=$(ssh "${opts[@]}" "$host" 'cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown')
echo "$host: rebooting"
ssh "${opts[@]}" "$host" 'sudo reboot' || true   # the session dies with the host

# Back = SSH answers again after the host was seen gone, or with a new boot id.
went_away=0
deadline=$((SECONDS + wait_seconds))
while [ "$SECONDS" -lt "$deadline" ]; do
  sleep 1
  if boot_now=$(ssh "${opts[@]}" "$host" 'cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown' 2>/dev/null); then
    if [ "$went_away" = 1 ] || { [ "$boot_now" != "$boot_before" ] && [ "$boot_now" != unknown ]; }; then
      echo "$host: back after reboot"
      exit 0
    fi
  else
    went_away=1
  fi
done
echo "$host: did not come back within ${wait_seconds}s" >&2
exit 1
