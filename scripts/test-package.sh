#!/usr/bin/env bash
# The Debian package on a clean system: builds it (scripts/package.sh) unless given one, checks it
# with lintian, installs it into a fresh Debian root (debootstrap, minbase, from the mirror this
# machine's apt uses), runs there `dossier --version`, `dossier timeline | head`, `man dossier` and
# a bash completion, removes it and checks that nothing of it is left.
# Run by Tests/DossierCLITests/PackagingTests.swift. Exit 77 with a "skipped:" line when this
# machine cannot run it (not root, a tool missing, the mirror out of reach).
#
#   bash scripts/test-package.sh [dist/dossier_VERSION_ARCH.deb]
#   bash scripts/test-package.sh --root-only     only build and cache the Debian root
# The Debian root is built once and kept as a tarball in $DOSSIER_ROOT_CACHE
# (default /var/cache/dossier-tests); delete it to start from a new one.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

skip() { echo "skipped: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "the clean-root test needs root (debootstrap, chroot)"
for tool in debootstrap chroot unshare dpkg-deb lintian; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (bash .ci/setup installs it)"
done

# The same Debian release as this machine (the binary needs its glibc or newer), from the mirror
# its apt uses; DOSSIER_DEBIAN_MIRROR overrides.
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
[ -n "$codename" ] || skip "not a Debian system (/etc/os-release names no codename)"
mirror=${DOSSIER_DEBIAN_MIRROR:-$(
  { grep -h -s '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
    grep -h -s '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}'; } |
    grep -v -e security -e '^$' | grep -m1 '/debian/\?$' || true)}
[ -n "$mirror" ] || skip "no Debian mirror found in /etc/apt/sources.list*"
arch=$(dpkg --print-architecture)

cache=${DOSSIER_ROOT_CACHE:-/var/cache/dossier-tests}
tarball=$cache/debian-$codename-$arch-minbase.tar
if [ ! -f "$tarball" ]; then
  echo "debootstrap $codename from $mirror (once; kept in $tarball)"
  mkdir -p "$cache"
  fresh=$(mktemp -d "$cache/root.XXXXXX")
  log=$cache/debootstrap.log
  if ! debootstrap --variant=minbase --include=man-db,bash-completion "$codename" "$fresh" "$mirror" >"$log" 2>&1; then
    rm -rf "$fresh"
    tail -n 5 "$log"
    if grep -q -E "Failed getting release file|Couldn't download|Failure trying to run: .*wget|Temporary failure resolving|Could not resolve|unable to resolve|Connection (refused|timed out)" "$log"; then
      skip "debootstrap cannot reach the mirror $mirror (see $log)"
    fi
    echo "test-package: debootstrap failed (see $log)" >&2
    exit 1
  fi
  chroot "$fresh" apt-get clean
  chmod 0755 "$fresh"
  tar -C "$fresh" -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
  rm -rf "$fresh"
  echo "root cached ($((SECONDS - started)) s)"
fi

[ "${1:-}" != --root-only ] || exit 0

# The package, built after the root so that a machine that cannot reach the mirror skips before
# spending minutes on a release build.
deb=${1:-}
if [ -z "$deb" ]; then
  # niced: under swift test the release build shares two cores with timed tests
  deb=$(nice -n 19 bash scripts/package.sh | tail -n 1)
fi
[ -f "$deb" ] || { echo "test-package: no package at '$deb'" >&2; exit 1; }
deb=$(realpath "$deb")
echo "package: $deb ($((SECONDS - started)) s)"

echo "lintian:"
# errors fail the test; warnings and notes are printed for the reader
lintian --fail-on error --tag-display-limit 0 "$deb" || { echo "test-package: lintian reports errors" >&2; exit 1; }

# The packaged man pages: no troff warning, and dossier(1) as committed in docs/man (the plugin's
# output; only its date line may differ).
pages=$(mktemp -d)
dpkg-deb -x "$deb" "$pages"
for page in "$pages"/usr/share/man/man1/dossier.1.gz "$pages"/usr/share/man/man5/dossier.5.gz; do
  warnings=$(LANG=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || { echo "test-package: $page: $warnings" >&2; exit 1; }
done
if ! diff <(zcat "$pages/usr/share/man/man1/dossier.1.gz" | grep -v '^\.Dd ') <(grep -v '^\.Dd ' docs/man/dossier.1); then
  echo "test-package: docs/man/dossier.1 differs from the manual the plugin generates (bash scripts/package.sh --update-manual)" >&2
  exit 1
fi
rm -rf "$pages"

root=$(mktemp -d /var/tmp/dossier-root.XXXXXX)
trap 'rm -rf "$root"' EXIT
tar -C "$root" -xf "$tarball"
chmod 0755 "$root"  # mktemp's 0700 (kept in older tarballs) would keep man-db's trigger, run as user man, out of /

# Runs a shell command inside the root, in a mount namespace of its own so /proc and /dev/null
# are gone with it; a clean environment, a UTF-8 locale, no terminal.
inside() {
  unshare --mount --fork -- sh -c '
    mount -t proc proc "$1/proc" 2>/dev/null || true
    exec chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      TERM=dumb MANWIDTH=80 /bin/bash -c "$2"' sh "$root" "$1"
}

# Every path in the root but those the system itself rewrites (dpkg's database, logs, man-db's
# index, apt's and debconf's caches), to compare before and after.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./tmp -o -path ./var/lib/dpkg -o -path ./var/log \
    -o -path ./var/cache/man -o -path ./var/cache/debconf -o -path ./var/cache/apt \) -prune -o -print | sort)
}
before=$(snapshot)

cp "$deb" "$root/tmp/dossier.deb"
echo "install:"
# dpkg -i refuses a package whose Depends the root does not satisfy: the computed Depends is tested
inside 'dpkg -i /tmp/dossier.deb' || { echo "test-package: dpkg -i failed" >&2; exit 1; }
rm "$root/tmp/dossier.deb"

fail() { echo "test-package: $*" >&2; exit 1; }

version=$(inside 'dossier --version') || fail "dossier --version failed"
echo "dossier --version: $version"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+\ \(bundled\ dossier\ as\ of\ [0-9]{4}-[0-9]{2}-[0-9]{2},\ commit\ [0-9a-f]{7,}(-dirty)?\)$ ]] ||
  fail "dossier --version does not name a version, the as_of date and a commit: '$version'"

timeline=$(inside 'dossier timeline | head') || fail "dossier timeline | head failed"
echo "dossier timeline | head:"; echo "$timeline"
[ "$(echo "$timeline" | grep -c .)" -ge 5 ] || fail "dossier timeline printed fewer than 5 lines"
echo "$timeline" | grep -q -E '^ *[0-9]{4}' || fail "dossier timeline printed no dated line"

manual=$(inside 'man dossier 2>&1 | cat') || fail "man dossier failed"
echo "man dossier: $(echo "$manual" | grep -c .) lines"
echo "$manual" | grep -q '^NAME' || fail "man dossier shows no NAME section: $(echo "$manual" | head -n 3)"
echo "$manual" | grep -q 'timeline' || fail "man dossier does not mention the timeline command"
format=$(inside 'man 5 dossier 2>&1 | cat') || fail "man 5 dossier failed"
echo "$format" | grep -q 'as_of' || fail "man 5 dossier does not describe as_of"

# What bash does on Tab, with the completion bash-completion loads on demand from
# /usr/share/bash-completion/completions/dossier.
completion=$(inside '
  source /usr/share/bash-completion/bash_completion || exit 3
  __load_completion dossier || { echo "bash-completion found no completion for dossier"; exit 4; }
  spec=$(complete -p dossier) || exit 5
  function=${spec##*-F }; function=${function%% *}
  complete_line() {
    read -ra COMP_WORDS <<< "$1"
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE="$1"; COMP_POINT=${#1}; COMPREPLY=()
    "$function" "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  }
  complete_line "dossier timel"
  complete_line "dossier show schrems-i"') || fail "bash completion failed: $completion"
echo "bash completion: $(echo "$completion" | tr '\n' ' ')"
echo "$completion" | grep -q -x 'timeline' || fail "bash does not complete 'dossier timel' to timeline"
echo "$completion" | grep -q -x 'schrems-ii' || fail "bash does not complete a record id (schrems-ii)"

echo "remove:"
inside 'dpkg --purge dossier' || fail "dpkg --purge failed"
inside '! dpkg-query -W dossier 2>/dev/null' || fail "dpkg still lists dossier after purging it"
after=$(snapshot)
left=$(diff <(echo "$before") <(echo "$after") || true)
[ -z "$left" ] || fail "the root differs after removing the package: $left"
# (/var/cache/man/cat*/ holds the pages man formatted when `man dossier` ran above: man's cache of
# what a user read, not the package's files; man-db drops stale ones itself.)
stray=$(cd "$root" && find . -xdev \( -path ./proc -o -path ./var/cache/man \) -prune -o -name '*dossier*' -print)
[ -z "$stray" ] || fail "files named dossier left after removal: $stray"

echo "passed: installed, ran, removed cleanly on a fresh Debian $codename root in $((SECONDS - started)) s"
