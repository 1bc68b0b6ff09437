#!/usr/bin/env bash
# Writes the package's machine-readable copyright file (Debian's copyright-format 1.0) from
# LICENSE: the MIT text of the code and the CC BY 4.0 notice of the bundled texts, each taken
# from LICENSE as it stands; and the licences of what the binary links statically.
#   bash packaging/copyright.sh LICENSE > copyright
set -euo pipefail
license=$1

# LICENSE's lines from the first matching $2 (included when $4 is "with") up to the next matching
# $3 (excluded), as a copyright-file text block: one leading space, blank lines as " .".
block() {
  awk -v from="$2" -v to="$3" -v with="${4:-}" '
    on && $0 ~ to { exit }
    !on && $0 ~ from { on = 1; if (with != "with") next }
    on { if ($0 ~ /^[[:space:]]*$/) print " ."; else print " " $0 }' "$1" |
    sed -e '1{/^ \.$/d}' -e '${/^ \.$/d}'
}

# the MIT text without its copyright line (that goes in the Files paragraph)
mit=$(block "$license" '^MIT License$' '^2\. ' | sed '/^ Copyright (c)/,/^ \.$/d')
holder=$(grep -m1 '^Copyright (c)' "$license" | sed 's/^Copyright (c) //')
texts=$(block "$license" '^2\. ' '^The documents the dossier cites' with | sed 's/^ 2\. / /')

cat <<HEADER
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: dossier
Upstream-Contact: the dossier authors <maintainers@users.noreply.r-seed-df2141b6.example>
Comment: /usr/bin/dossier also holds, linked statically: the Swift runtime and
 standard library and swift-argument-parser (Apple Inc. and the Swift project
 authors; Apache-2.0 with the Runtime Library Exception), libyaml (2006-2020
 Kirill Simonov; Expat) and ncurses (1998-2018 Free Software Foundation,
 Inc., 1996-2021 Thomas E. Dickey; MIT/X11). Their
 licence texts follow. The documents the dossier cites belong to their
 publishers and are referenced by title and address, never reproduced.

Files: *
Copyright: $holder
License: Expat

Files: Resources/*
Copyright: $holder
License: CC-BY-4.0
HEADER
echo "$texts"
cat <<'TAIL'
 .
 The full licence: https://creativecommons.org/licenses/by/4.0/legalcode
TAIL
echo
echo "License: Expat"
echo "$mit"
cat <<'TAIL'

License: Apache-2.0-with-Runtime-Library-Exception
 Licensed under the Apache License, Version 2.0; on Debian systems its full
 text is in /usr/share/common-licenses/Apache-2.0.
 .
 Runtime Library Exception to the Apache 2.0 License: As an exception, if you
 use this Software to compile your source code and portions of this Software
 are embedded into the binary product as a result, you may redistribute such
 product without providing attribution as would otherwise be required by
 Sections 4(a), 4(b) and 4(d) of the License.

License: MIT/X11
 Permission is hereby granted, free of charge, to any person obtaining a
 copy of this software and associated documentation files (the
 "Software"), to deal in the Software without restriction, including
 without limitation the rights to use, copy, modify, merge, publish,
 distribute, distribute with modifications, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included
 in all copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
 OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
 IN NO EVENT SHALL THE ABOVE COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
 OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
 THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 .
 Except as contained in this notice, the name(s) of the above copyright
 holders shall not be used in advertising or otherwise to promote the
 sale, use or other dealings in this Software without prior written
 authorization.
TAIL
