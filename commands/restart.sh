#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: false
# C* strategy: topology
# C* wait-for: cql
# C* takes-node-down: true
# C* description: Rolling restart: drain, stop and start Cassandra; cstar then waits until the node's peers see it UN and its CQL port answers
# C* argument: {"option":"--stop-command", "name":"STOP_COMMAND", "description":"How to stop Cassandra on the node", "default":"sudo service cassandra stop"}
# C* argument: {"option":"--start-command", "name":"START_COMMAND", "description":"How to start Cassandra on the node", "default":"sudo service cassandra start"}

set -eu
echo "$(hostname): draining"
nodetool drain
echo "$(hostname): stopping Cassandra"
eval "$STOP_COMMAND"
echo "$(hostname): starting Cassandra"
eval "$START_COMMAND"
echo "$(hostname): started; cstar now waits for the node to be UN in its peers' views and to answer CQL"
