# fnlen.awk: the length of every function defined in clang-formatted C files
# (BreakBeforeBraces: Linux), one line each: "path name lines".  A body runs
# from a "{" alone in column 0 to the next "}" in column 0; its lines are the
# ones between the two.  The name is the identifier before the "(" of the
# signature's first line, or for a macro-made function (HANDLER(h_login))
# the first identifier inside the macro's parentheses.
FNR == 1 {
    sig = ""
    start = 0
}
/^\{$/ {
    start = FNR
    name = sig
    next
}
/^\}/ && start {
    printf "%s %s %d\n", FILENAME, name == "" ? "?" : name, FNR - start - 1
    start = 0
    sig = ""
    next
}
!start {
    if ($0 ~ /^[A-Za-z_].*\(/ && $0 !~ /;[ \t]*$/) {
        s = $0
        sub(/\(.*/, "", s)
        n = split(s, w, /[ \t*]+/)
        sig = w[n]
        if (sig ~ /^[A-Z_][A-Z0-9_]*$/) {
            inner = $0
            sub(/^[^(]*\([ \t]*/, "", inner)
            if (match(inner, /^[A-Za-z_][A-Za-z0-9_]*/))
                sig = substr(inner, 1, RLENGTH)
        }
    } else if ($0 ~ /^$/ || ($0 ~ /;[ \t]*$/ && $0 !~ /^[ \t]/)) {
        sig = ""
    }
}
