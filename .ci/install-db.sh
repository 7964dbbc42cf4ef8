#!/usr/bin/env bash
# Installs the database servers that the JDBC integration tests (core/src/test/java/**/*IT.java) start as
# plain processes: PostgreSQL 15 (initdb/postgres under /usr/lib/postgresql/15/bin) and MariaDB
# (mariadb-install-db, mariadbd). Debian 12; idempotent (installs only what is missing); needs root.
# The packages' own services are not started or enabled: the tests run private servers on 127.0.0.1.
# Also the two tools the benchmark tests use, which a minimal Debian lacks: python3 (generates the corpora)
# and GNU time (compare.sh's peak RSS, run by CompareScriptIT).
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

missing=()
if [[ ! -x "$PG_BIN/initdb" || ! -x "$PG_BIN/postgres" ]]; then
  missing+=(postgresql-15)
fi
if ! command -v mariadbd >/dev/null 2>&1 && [[ ! -x /usr/sbin/mariadbd ]]; then
  missing+=(mariadb-server)
fi
if ! command -v mariadb-install-db >/dev/null 2>&1 && [[ ! -x /usr/bin/mariadb-install-db ]]; then
  [[ " ${missing[*]-} " == *" mariadb-server "* ]] || missing+=(mariadb-server)
fi

if ! command -v python3 >/dev/null 2>&1; then
  missing+=(python3)
fi
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time --version 2>&1 | grep -q GNU; then
  missing+=(time)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-db: postgresql-15, mariadb-server, python3 and GNU time already installed"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-db: need root to install: ${missing[*]}" >&2
  exit 1
fi

echo "install-db: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Keep the packages' init scripts from starting system-wide servers during installation.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  created_policy=1
fi
cleanup() { if [[ $created_policy -eq 1 ]]; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"

for user in postgres mysql; do
  if ! id "$user" >/dev/null 2>&1; then
    echo "install-db: expected system user '$user' after installation" >&2
    exit 1
  fi
done
echo "install-db: done"
