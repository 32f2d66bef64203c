#!/usr/bin/env bash
# `make serve-prod`: the site as in production on this machine — gunicorn (production settings,
# 2 workers, 127.0.0.1:8001) behind Varnish with deploy/varnish/k3cms.vcl on 127.0.0.1:$PORT.
# Without REDIS_URL a throwaway redis-server is started: the workers and their purges must share
# one cache. Everything runs in a temporary directory and stops on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${PORT:-8000}"
BACKEND_PORT="${BACKEND_PORT:-8001}"
PY="${PY:-.venv/bin/python}"
VARNISHD="$(command -v varnishd || echo /usr/sbin/varnishd)"
workdir="$(mktemp -d -t k3cms-serve-prod-XXXXXX)"
# varnishd started as root reads its VCL as its own unprivileged user.
chmod 755 "$workdir"
pids=()

stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$workdir"
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ -z "${REDIS_URL:-}" ]; then
  redis_port=$((BACKEND_PORT + 1000))
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$workdir" >"$workdir/redis.log" 2>&1 &
  pids+=($!)
  export REDIS_URL="redis://127.0.0.1:${redis_port}/0"
fi

export DJANGO_SETTINGS_MODULE=k3cms.settings.production
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-serve-prod-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
# Plain HTTP on this machine: no TLS proxy in front.
export DJANGO_SECURE_SSL_REDIRECT="${DJANGO_SECURE_SSL_REDIRECT:-0}"
# No nginx here: Django serves the image renditions (only those), as nginx does in production.
export K3_SERVE_RENDITIONS="${K3_SERVE_RENDITIONS:-1}"
export FRONTEND_CACHE_URL="${FRONTEND_CACHE_URL:-http://127.0.0.1:${PORT}}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:${PORT}}"

"$PY" manage.py collectstatic --noinput -v 0
"$PY" -m gunicorn k3cms.wsgi:application --bind "127.0.0.1:${BACKEND_PORT}" --workers 2 \
  --access-logfile - &
pids+=($!)

sed "s/\.port = \"8001\";/.port = \"${BACKEND_PORT}\";/" deploy/varnish/k3cms.vcl >"$workdir/k3cms.vcl"
"$VARNISHD" -F -n "$workdir/varnish" -a "127.0.0.1:${PORT}" -f "$workdir/k3cms.vcl" \
  -s malloc,64m &
pids+=($!)

echo "Varnish on http://127.0.0.1:${PORT}/ in front of gunicorn on 127.0.0.1:${BACKEND_PORT}; Ctrl-C stops both."
wait -n "${pids[@]}"
