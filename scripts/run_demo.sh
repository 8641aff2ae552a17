#!/usr/bin/env bash
# Starts one task worker in the background and the web server in the foreground; Ctrl-C stops both.
set -euo pipefail
host="$1"
port="$2"
py=.venv/bin/python
mkdir -p var/log
$py manage.py db_worker >var/log/worker.log 2>&1 &
worker=$!
# The daily escalation, digests and reminders, queued hourly (each happens at most once a day,
# a late addressee's reminder once per reporting period).
(while true; do $py manage.py documents_daily >>var/log/daily.log 2>&1; $py manage.py requests_daily >>var/log/daily.log 2>&1; $py manage.py directives_daily >>var/log/daily.log 2>&1; sleep 3600; done) &
daily=$!
trap 'kill $worker $daily 2>/dev/null || true' EXIT INT TERM
cat <<BANNER

  VSS–MoH coordination is running.

    Portal:        http://$host:$port/
    Staff (admin): http://$host:$port/admin/
    Health:        http://$host:$port/healthz
    Task worker:   pid $worker, log var/log/worker.log

  Demo logins (password: ${DEMO_PASSWORD:-demo-2026}) are listed above by seed_demo.
  Press Ctrl-C to stop.

BANNER
exec $py manage.py runserver "$host:$port" --noreload
