#!/usr/bin/env bash
# C* cluster-parallel: true
# C* dc-parallel: true
# C* strategy: all
# C* description: Run a CQL statement on each node with cqlsh; the password comes from cstar's environment (CQLSH_PASSWORD) or a prompt, never a command line
# C* argument: {"option":"--statement", "name":"CQL_STATEMENT", "description":"The CQL statement to run", "required":true}
# C* argument: {"option":"--cql-username", "name":"CQLSH_USERNAME", "description":"CQL user (none: no authentication)", "default":""}
# C* argument: {"option":"--cql-password", "name":"CQLSH_PASSWORD", "description":"CQL password: set CQLSH_PASSWORD where cstar runs, or cstar asks", "secret":true}

set -eu
if [ -n "${CQLSH_USERNAME:-}" ] && [ -z "${CQLSH_PASSWORD:-}" ]; then
  echo "no CQL password for user '$CQLSH_USERNAME': set CQLSH_PASSWORD in cstar's environment, or run cstar in a terminal so that it asks" >&2
  exit 1
fi
rc=$(mktemp)
chmod 600 "$rc"
trap 'rm -f "$rc"' EXIT
if [ -n "${CQLSH_USERNAME:-}" ]; then
  printf '[authentication]\nusername = %s\npassword = %s\n' "$CQLSH_USERNAME" "$CQLSH_PASSWORD" > "$rc"
fi
unset CQLSH_PASSWORD
# Not exec: the EXIT trap must run to delete the file holding the password.
cqlsh --cqlshrc "$rc" -e "$CQL_STATEMENT"
