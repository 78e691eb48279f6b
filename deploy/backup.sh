#!/usr/bin/env bash
# Backs up the running Klassrum's embedded PostgreSQL into one .tar.gz while Klassrum serves (an online base
# backup: consistent as of the moment it ends). Restore: see README.md, "Backup and restore".
# usage: deploy/backup.sh [FILE]   (default: klassrum-backup-<UTC time>.tar.gz in the current folder)
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
launcher=$checkout/deploy/target/klassrum-launcher.jar
target=${1:-klassrum-backup-$(date -u +%Y%m%dT%H%M%SZ).tar.gz}
if [[ $# -gt 1 ]]; then
  echo "backup.sh: usage: deploy/backup.sh [FILE]" >&2
  exit 2
fi
if [[ ! -f $launcher ]]; then
  echo "backup.sh: $launcher is missing; build first with ./mvnw -DskipTests package (deploy/run.sh does)" >&2
  exit 2
fi
target=$(realpath -m -- "$target")
# The data folder is relative to the checkout, as for deploy/run.sh.
cd "$checkout"
source deploy/java.sh
klassrum_use_java || exit 1
exec java -jar "$launcher" backup "$target"
