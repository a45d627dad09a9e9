#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: false
# C* strategy: topology
# C* description: Run nodetool with the given arguments on every node, e.g. --args "flush app"
# C* argument: {"option":"--args", "name":"NODETOOL_ARGS", "description":"nodetool arguments, split on spaces (no shell evaluation)", "required":true}

set -eu
set -f  # split on spaces only: no globbing, no evaluation of $(...) or quotes
# shellcheck disable=SC2086
exec nodetool $NODETOOL_ARGS
