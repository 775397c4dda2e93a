#!/usr/bin/env bash
# fnlen-self: check.sh fails on a function over 60 lines that the allowlist
# does not name or names shorter, and passes one of 60 lines, a listed one,
# a macro-made one listed by its own name, and a shrunk one (with a note).
set -uo pipefail
check=$(cd "$(dirname "$0")" && pwd)/check.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# fn NAME BODY-LINES [SIGNATURE]: a function whose body has that many lines
fn() {
  printf '%s\n{\n' "${3:-static int $1(int a,
                 int b)}"
  for ((i = 0; i < $2; i++)); do printf '    a += b;\n'; done
  printf '}\n\n'
}

# expect CODE WHAT ALLOWLIST-LINES: run check.sh on the tree in $tmp/t
expect() {
  printf '%s' "$3" >"$tmp/allow"
  "$check" "$tmp/t" "$tmp/allow" >"$tmp/out" 2>&1
  local got=$?
  if [[ $got -ne $1 ]]; then
    echo "FAIL: $2: exit $got, wanted $1"
    sed 's/^/    /' "$tmp/out"
    fail=$((fail + 1))
  else
    echo "ok: $2"
  fi
}

mkdir -p "$tmp/t/server/app" "$tmp/t/client"
{ fn short 60; fn long 61; } >"$tmp/t/server/app/a.c"
fn main 3 'int main(void)' >"$tmp/t/client/m.c"
expect 1 "a function of 61 lines not listed fails" ""
expect 0 "a listed one passes, one of 60 lines needs no line" "server/app/a.c long 61
"
expect 1 "one longer than its line fails" "server/app/a.c long 60
"
expect 0 "one shorter than its line passes" "server/app/a.c long 70
"
grep -q 'note: server/app/a.c long is 61 lines now' "$tmp/out" ||
  { echo "FAIL: no note for a line that can be tightened"; fail=$((fail + 1)); }
fn ignored 80 'HANDLER(h_login)' >"$tmp/t/server/app/h.c"
expect 1 "a macro-made function is named by its own name" "server/app/a.c long 61
server/app/h.c HANDLER 80
"
expect 0 "... and passes when listed so" "server/app/a.c long 61
server/app/h.c h_login 80
"
exit $((fail > 0))
