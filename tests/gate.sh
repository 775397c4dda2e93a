#!/usr/bin/env bash
# Cheap gates that fail the suite: unsafe C string functions and SQL built
# from strings in server/ and client/, clang-format drift, and functions
# over 60 lines not in tests/fnlen/allowlist.txt.
set -uo pipefail
cd "$1"
fail=0
if grep -rnE '\b(sprintf|vsprintf|strcpy|strcat|atoi|atol|gets|strtok)\(' server client; then
  echo "gate: unsafe C string functions above (use snprintf, strtol, ...)"; fail=1
fi
# PQexec only with a literal, or in the migrator (which runs the repo's own files)
if grep -rnE 'PQexec\([^,]+, [^"]' server client | grep -v 'sql-gate:'; then
  echo "gate: PQexec with a non-literal SQL string above (use PQexecParams)"; fail=1
fi
# the acting user's role and office are derived in SQL from berkas.user_id
# (sql/0017_acting_once.sql): no SQL path of berkasd or the CLI sets them
if grep -rn 'berkas\.acting' server client; then
  echo "gate: berkas.acting named above (only app.acting_fill sets it)"; fail=1
fi
# ...nor the fence's answer kept for the transaction (sql/0025_record.sql)
if grep -rn 'berkas\.fence' server client; then
  echo "gate: berkas.fence named above (only app.case_fence sets it)"; fail=1
fi
if grep -rnE 'XML_PARSE_(NOENT|DTDLOAD|DTDATTR|HUGE|XINCLUDE)' server; then
  echo "gate: unsafe libxml2 parser option above"; fail=1
fi
if command -v clang-format >/dev/null; then
  if [[ -e .git ]] && command -v git >/dev/null; then
    files=$(git ls-files 'server/*.[ch]' 'client/*.[ch]' 'tests/*.[ch]' 'bench/*.[ch]')
  else
    files=$(find server client tests bench -name '*.[ch]')
  fi
  # shellcheck disable=SC2086
  if ! clang-format --dry-run --Werror $files 2>/dev/null; then
    clang-format --dry-run $files 2>&1 | grep -m5 warning
    echo "gate: clang-format drift (run: clang-format -i <files>)"; fail=1
  fi
fi
# functions over 60 lines (issue 12.6): none new, none grown past its line
# in tests/fnlen/allowlist.txt (which only shrinks)
if ! tests/fnlen/check.sh . tests/fnlen/allowlist.txt; then
  echo "gate: a function over 60 lines above (tests/fnlen/allowlist.txt only shrinks)"; fail=1
fi
# two migrations of one number: berkasd refuses to start (two helpers once landed 0053 each the
# same minute); caught here, before a branch lands
dup=$(ls sql | grep -E '^[0-9]{4}_.*\.sql$' | cut -c1-4 | sort | uniq -d)
if [[ -n $dup ]]; then
  echo "gate: migrations share a number: $dup (renumber the later one)"; fail=1
fi
if [[ $fail -eq 0 ]]; then echo "gate: 8 passed, 0 failed"; fi
exit $fail
