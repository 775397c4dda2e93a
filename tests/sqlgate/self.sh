#!/usr/bin/env bash
# sqlgate-self: the gate catches SQL planted outside server/store/ and lets
# clean code, comments and server/store/ pass.  Each case is a small tree in
# a temporary directory, checked with its own allowlist.
set -uo pipefail
gate=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0

# tree NAME: an empty tree with server/app, server/store and client
tree() {
  rm -rf "${tmp:?}/$1"
  mkdir -p "$tmp/$1/server/app" "$tmp/$1/server/store" "$tmp/$1/client"
}

# expect CODE WHAT NAME [ALLOWLIST-LINES]: run the gate on tree NAME
expect() {
  local want=$1 what=$2 name=$3 list=${4:-}
  printf '%s' "$list" >"$tmp/$name.allow"
  "$gate" "$tmp/$name.allow" "$tmp/$name" >"$tmp/$name.out" 2>&1
  local got=$?
  n=$((n + 1))
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, wanted $want"
    sed 's/^/    /' "$tmp/$name.out"
    fail=$((fail + 1))
  else
    echo "ok: $what"
  fi
}

tree clean
cat >"$tmp/clean/server/app/a.c" <<'C'
/* SELECT id FROM app.users WHERE nip = $1: a comment is no SQL */
// DELETE FROM app.cases
#include "store/people.h"
static const char msg[] = "the office was updated"; /* lower case, words */
static const char hdr[] = "FROM"; /* one clause word alone: a column header */
static const char q = '"';
int f(void) { return people_count(q); }
C
cat >"$tmp/clean/server/store/people.c" <<'C'
const char *sql = "SELECT id FROM app.users WHERE nip = $1";
C
expect 0 "clean code, SQL in comments, SQL in server/store/ pass" clean

tree planted
cat >"$tmp/planted/server/app/b.c" <<'C'
int g(void)
{
    return run("SELECT id "
               "FROM app.users "   /* one string, split over lines */
               "WHERE nip = $1");
}
C
expect 1 "a SELECT planted in a new file of server/app fails" planted
grep -q 'server/app/b.c holds 1 SQL string' "$tmp/planted.out" ||
  { echo "FAIL: the gate does not name the planted file and its count"; fail=$((fail + 1)); }
grep -q 'server/app/b.c:3: SELECT id FROM app.users WHERE nip' "$tmp/planted.out" ||
  { echo "FAIL: the gate does not show where the planted SQL is"; fail=$((fail + 1)); }
expect 0 "the same file passes when the allowlist names it with 1" planted "server/app/b.c 1"$'\n'

tree client
echo 'const char *s = "UPDATE app.sessions SET ended_at = now()";' >"$tmp/client/client/c.c"
expect 1 "an UPDATE planted in client/ fails" client

tree gained
cat >"$tmp/gained/server/app/d.c" <<'C'
const char *one = "INSERT INTO app.x (a) VALUES ($1)";
const char *two = "DELETE FROM app.x WHERE a = $1";
const char *frag = " WHERE c.id = $2 ORDER BY seq"; /* a fragment: two clause words */
C
expect 1 "a file with more SQL than its line allows fails" gained "server/app/d.c 2"$'\n'
expect 0 "... and passes at its count (a spliced fragment counts)" gained "server/app/d.c 3"$'\n'
expect 1 "a count that went down asks for the line to be tightened" gained "server/app/d.c 4"$'\n'
grep -q 'tighten' "$tmp/gained.out" ||
  { echo "FAIL: the gate does not ask to tighten the allowlist"; fail=$((fail + 1)); }

tree stale
expect 1 "a line for a file that is gone fails" stale "server/app/gone.c 1"$'\n'
expect 1 "a line for a file in server/store/ fails" stale "server/store/x.c 0"$'\n'
expect 2 "a malformed allowlist line is an error" stale "server/app/a.c"$'\n'

# --json: JSON built in SQL inside server/store/
expect_json() {
  local want=$1 what=$2 name=$3 list=${4:-}
  printf '%s' "$list" >"$tmp/$name.allow"
  "$gate" --json "$tmp/$name.allow" "$tmp/$name" >"$tmp/$name.out" 2>&1
  local got=$?
  n=$((n + 1))
  if [[ $got -ne $want ]]; then
    echo "FAIL: $what: exit $got, wanted $want"
    sed 's/^/    /' "$tmp/$name.out"
    fail=$((fail + 1))
  else
    echo "ok: $what"
  fi
}

tree jclean
cat >"$tmp/jclean/server/store/a.c" <<'C'
/* SELECT json_agg(x) FROM t: a comment builds nothing */
const char *day = "SELECT to_json(d.at) #>> '{}', d.payload::text FROM app.d d WHERE d.id = $1";
const char *arr = "SELECT coalesce((SELECT array_agg(p.name ORDER BY p.id) FROM app.p p), '{}')";
C
echo 'const char *s = "SELECT json_agg(x) FROM t";' >"$tmp/jclean/server/app/b.c"
expect_json 0 "--json: plain columns, a value rendered as JSON text and app/ pass" jclean

tree jplanted
cat >"$tmp/jplanted/server/store/c.c" <<'C'
const char *q = "SELECT (SELECT JSONB_AGG(to_jsonb(p) ORDER BY p.id) "
                "FROM app.parties p WHERE p.case_id = c.id) FROM app.cases c";
const char *r = "SELECT json_object_agg(p.id, p.name) FROM app.parties p";
C
expect_json 1 "--json: json_agg and json_object_agg planted in server/store/ fail" jplanted
grep -q 'server/store/c.c holds 2 statements building JSON' "$tmp/jplanted.out" ||
  { echo "FAIL: the --json gate does not name the file and its count"; fail=$((fail + 1)); }
expect_json 0 "--json: ... and pass at the allowlist's count" jplanted "server/store/c.c 2"$'\n'
expect_json 1 "--json: a count that went down asks for the line to be tightened" jplanted \
  "server/store/c.c 3"$'\n'

echo "sqlgate-self: $((n - fail)) of $n passed"
[[ $fail -eq 0 ]]
