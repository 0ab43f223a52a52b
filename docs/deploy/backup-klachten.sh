#!/bin/sh
# Nightly backup of the data folder (docs/deploy.md, "Backups"): a Git bundle of the cases
# (every change, with its history) and a tar of the rest (outbox, queue, token secret), into a
# folder only root can read. Run from root's crontab or klachten-backup.timer.
set -eu
data=${KLACHTEN_DATA_DIR:-/var/lib/klachten}
target=${KLACHTEN_BACKUP_DIR:-/var/backups/klachten}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
umask 077
mkdir -p "$target"
git -C "$data/cases" bundle create "$target/cases-$stamp.bundle" --all
tar -C "$data" --exclude=./cases -czf "$target/rest-$stamp.tar.gz" .
# Keep 30 days; copy $target off this machine (restic, borg, rsync) — a backup on the same disk
# is not one.
find "$target" -type f -mtime +30 -delete
