#!/usr/bin/env bash
# Imports the roster CSV files of a folder into a running Klassrum through its API:
#   KLASSRUM_TOKEN=... deploy/import.sh path/to/folder [--url http://localhost:8080]
# School Data Sync v2.1/v1 and OneRoster 1.1/1.2 files; see roster-module/IMPORT.md.
set -euo pipefail
here=$(pwd)
cd "$(dirname "$0")/.."
source deploy/java.sh
klassrum_use_java || exit 1
launcher=deploy/target/klassrum-launcher.jar
if [[ ! -f $launcher ]]; then
  ./mvnw -q -DskipTests package -pl deploy -am
fi
cd "$here"
exec java -jar "$(dirname "$0")/target/klassrum-launcher.jar" import "$@"
