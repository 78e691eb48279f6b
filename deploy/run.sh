#!/usr/bin/env bash
# Runs Klassrum on http://localhost:8080 (KLASSRUM_HTTP_PORT) with the embedded PostgreSQL and demo data,
# building first what is missing. Settings: see README.md. Stop with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/java.sh
klassrum_use_java || exit 1

launcher=deploy/target/klassrum-launcher.jar
runtime=deploy/target/runtime
if [[ ! -f $launcher || ! -f $runtime/klassrum.war || ! -f $runtime/payara-micro.jar ]] \
   || [[ -n $(find pom.xml ./*/pom.xml ./*/src -newer "$runtime/klassrum.war" -type f -print -quit 2>/dev/null) ]]; then
  echo "Building Klassrum (the sources changed or nothing was built yet) ..."
  ./mvnw -q -DskipTests package
fi
exec java -jar "$launcher" "$@"
