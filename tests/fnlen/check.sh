#!/usr/bin/env bash
# fnlen/check.sh ROOT ALLOWLIST: functions over 60 lines in ROOT's server/
# and client/ (issue 12.6, STYLE.md "Size"), as fnlen.awk counts them: none
# may be missing from ALLOWLIST ("path name lines"), none may grow past its
# line there.  Lines that can be tightened are noted, not failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$1
allow=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$root" || exit 2
if [[ -e .git ]] && command -v git >/dev/null; then
  files=$(git ls-files 'server/*.c' 'client/*.c')
else
  files=$(find server client -name '*.c' | sort)
fi
[[ -n $files ]] || exit 0
# shellcheck disable=SC2086
awk -f "$here/fnlen.awk" $files | awk -v lim=60 '
    FILENAME == ARGV[1] { if ($0 !~ /^#/ && NF == 3) allow[$1 " " $2] = $3; next }
    $3 > lim {
        k = $1 " " $2
        seen[k] = 1
        if (!(k in allow)) {
            printf "%s is %d lines (over %d): split it at its seams\n", k, $3, lim; bad = 1
        } else if ($3 > allow[k]) {
            printf "%s grew to %d lines (allowlist: %d)\n", k, $3, allow[k]; bad = 1
        } else if ($3 < allow[k]) {
            printf "note: %s is %d lines now: its allowlist line can say so\n", k, $3
        }
    }
    END {
        for (k in allow)
            if (!(k in seen))
                printf "note: %s is no longer over %d lines: its allowlist line can go\n", k, lim
        exit bad
    }' "$allow" -
