#!/usr/bin/env bash
# The browser tests (meson suite `web`): a real berkasd with the demo data on
# its own embedded PostgreSQL, Debian's chromium driven by playwright-core
# (pinned in package-lock.json, installed here by `npm ci` when the lock
# changed), each *.test.mjs under node's test runner, one after another.
#   tests/web/run.sh BERKASD [TEST.mjs...]   (another .mjs runs as a plain program)
# Screenshots land in test-results/ at the top of the tree.
# BERKAS_KEEP_TEST_DIR=1 keeps the data dir and berkasd's log.
set -euo pipefail
berkasd=${1:?usage: run.sh BERKASD [TEST.mjs...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

# playwright-core, exactly as locked; again only when the lock changed
stamp=node_modules/.berkas-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

tmp=$(mktemp -d /tmp/berkas-web.XXXXXX)
chmod 755 "$tmp"
if [[ $(id -u) -eq 0 ]]; then
  # as root the embedded cluster runs as postgres, which must reach the data dir
  chown "${BERKAS_PG_USER:-postgres}" "$tmp"
fi
pid=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  if [[ -n ${BERKAS_KEEP_TEST_DIR:-} ]]; then
    echo "web: kept $tmp"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

# a free port in 19000-19999 (berkasd binds it before anything else, and says
# so when it is taken: then another)
started=
for attempt in 1 2 3 4 5; do
  port=$((19000 + RANDOM % 1000))
  "$berkasd" --data-dir "$tmp/data" --listen "127.0.0.1:$port" --demo --unsafe-no-fsync \
    > "$tmp/berkasd.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 900); do # up to 180 s: the demo's papers under ASan take a while
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then
      started=1
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  [[ -n $started ]] && break
  if kill -0 "$pid" 2>/dev/null; then break; fi
  wait "$pid" || true
  pid=
  grep -q "already in use" "$tmp/berkasd.log" || break
done
if [[ -z $started ]]; then
  echo "web: berkasd did not start:" >&2
  cat "$tmp/berkasd.log" >&2
  exit 1
fi
echo "web: berkasd at http://127.0.0.1:$port"

export BERKAS_URL="http://127.0.0.1:$port"
tests=("$@")
if [[ ${#tests[@]} -eq 0 ]]; then tests=(*.test.mjs); fi
status=0
for t in "${tests[@]}"; do
  echo "=== $t"
  case $t in
    *.test.mjs) node --test "$t" || status=1 ;;
    *) node "$t" || status=1 ;; # a program (bench/web.mjs), not tests
  esac
done
# berkasd must stop cleanly: under ASan a leak or a late error shows here
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
pid=
if [[ $rc -ne 0 ]]; then
  echo "web: berkasd did not stop cleanly (exit status $rc)" >&2
  status=1
fi
if [[ $status -ne 0 ]]; then
  echo "web: berkasd's log:" >&2
  tail -n 60 "$tmp/berkasd.log" >&2
fi
exit $status
