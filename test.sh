#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need and is missing (Maven, a JDK, Node.js,
# the PostgreSQL client, Chromium and chromedriver, from Debian's packages), makes sure PostgreSQL answers on
# 127.0.0.1:5432, then runs `mvn -B verify`. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need mvn || missing+=(maven)
need java || missing+=(openjdk-17-jdk-headless)
need node || missing+=(nodejs)
need npm || missing+=(npm)
need psql || missing+=(postgresql-client)
need chromium || missing+=(chromium)
need chromedriver || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
    sudo_="" ; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ apt-get update -qq
    $sudo_ apt-get install -y -qq "${missing[@]}"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    if [ -d /etc/postgresql ]; then
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    fi
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL must answer on 127.0.0.1:5432 with trust authentication for user postgres" >&2; exit 1; }

exec mvn -B verify "$@"
