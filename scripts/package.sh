#!/usr/bin/env bash
# Builds dist/dossier_<version>_<arch>.deb: one self-contained release binary (the Swift runtime,
# libyaml and ncursesw linked statically; only libc, libm, libstdc++ and libgcc_s at run time, and
# the system's terminfo database), its man pages, shell completions and copyright file.
# See docs/INSTALL.md. Needs Debian's dpkg-dev, libyaml-dev and libncursesw5-dev (.ci/setup).
#
#   bash scripts/package.sh            build the package, print its path on the last line
#   DOSSIER_DEB_REVISION=2 bash ...    the Debian revision (default 1)
#   bash scripts/package.sh --update-manual    also copy the generated dossier(1) to docs/man/dossier.1
#                                      (the tests fail while the committed copy is behind the commands)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

arch=$(dpkg --print-architecture)
multiarch=$(gcc -print-multiarch 2>/dev/null || dpkg-architecture -qDEB_HOST_MULTIARCH)
libdir=/usr/lib/$multiarch
for archive in libyaml.a libncursesw.a libtinfo.a; do
  [ -f "$libdir/$archive" ] || { echo "package.sh: $libdir/$archive is missing (bash .ci/setup installs libyaml-dev and libncursesw5-dev)" >&2; exit 1; }
done

# The commit, stamped into the binary (below); "-dirty" when tracked files differ.
commit=unknown
if git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse --short=12 HEAD)
  [ -z "$(git status --porcelain --untracked-files=no)" ] || commit="$commit-dirty"
  date=$(git log -1 --format=%cs)
  export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
else
  export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
  date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)
fi

# One flag set for the build and for the manual plugin's own build, so the second reuses the first.
# The module maps ask for -lyaml and -lncursesw, which the linker would take as shared libraries:
# those requests are switched off and the static archives named instead (libtinfo is ncursesw's
# lower half). -static-stdlib is what `swift build --static-swift-stdlib` passes; `swift package`
# takes no such option, and both commands must build identically.
scratch=.build-release
flags=(--scratch-path "$scratch" -c release
  -Xswiftc -static-stdlib
  -Xswiftc -Xfrontend -Xswiftc -disable-autolink-library -Xswiftc -Xfrontend -Xswiftc yaml
  -Xswiftc -Xfrontend -Xswiftc -disable-autolink-library -Xswiftc -Xfrontend -Xswiftc ncursesw
  -Xlinker -l:libyaml.a -Xlinker -l:libncursesw.a -Xlinker -l:libtinfo.a
  -Xlinker -z -Xlinker now)  # bind at start, so the relocations can be read-only (full RELRO)
# The commit goes in as an object of its own (Sources/CBuildStamp/stamp.h): a new commit relinks
# the binary and recompiles nothing. Its name holds the commit, so the link command changes too.
if [ "$commit" != unknown ]; then
  mkdir -p "$scratch/stamp"
  stamp=$PWD/$scratch/stamp/commit-$commit.o
  printf 'const char dossier_commit_stamp[] = "%s";\n' "$commit" | clang -c -x c -o "$stamp" -
  flags+=(-Xlinker "$stamp")
fi

swift build "${flags[@]}" --product dossier
binary=$scratch/release/dossier

# Nothing but the C and C++ runtimes may remain dynamic.
unexpected=$(ldd "$binary" | awk '{print $1}' | grep -v -E '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1)$' || true)
if [ -n "$unexpected" ]; then
  echo "package.sh: the binary still needs: $unexpected" >&2
  exit 1
fi

version=$("$binary" --version | awk '{print $1}')
revision=${DOSSIER_DEB_REVISION:-1}
debversion=$version-$revision

# dossier(1) from the command definitions, with swift-argument-parser's manual plugin.
swift package "${flags[@]}" plugin generate-manual --date "$date" --authors "the dossier authors" >&2
manual=$(find "$scratch/plugins/GenerateManual" -name dossier.1 -newer "$binary" | head -n 1)
[ -n "$manual" ] || { echo "package.sh: the manual plugin wrote no dossier.1" >&2; exit 1; }
if [ "${1:-}" = --update-manual ]; then
  cp "$manual" docs/man/dossier.1
  echo "package.sh: docs/man/dossier.1 updated" >&2
fi

mkdir -p dist
stage=$(mktemp -d "$root/dist/stage.XXXXXX")
trap 'rm -rf "$stage"' EXIT
pkg=$stage/dossier
install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$pkg/usr/share/man/man5" \
  "$pkg/usr/share/doc/dossier" "$pkg/usr/share/bash-completion/completions" \
  "$pkg/usr/share/zsh/vendor-completions" "$pkg/usr/share/fish/vendor_completions.d" \
  "$pkg/usr/share/lintian/overrides"
install -m 0755 "$binary" "$pkg/usr/bin/dossier"
# as dh_strip does: symbols out (the Swift runtime reads its metadata sections, not symbols)
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$pkg/usr/bin/dossier"

# gzip -n: no name or time in the header, so the same input gives the same package
gzip -9n < "$manual" > "$pkg/usr/share/man/man1/dossier.1.gz"
gzip -9n < docs/man/dossier.5 > "$pkg/usr/share/man/man5/dossier.5.gz"
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" > "$stage/completion.$shell"
done
# bash-completion sources the file: a #! line would only mislead (lintian says so)
sed '1{/^#!/d}' "$stage/completion.bash" > "$pkg/usr/share/bash-completion/completions/dossier"
install -m 0644 "$stage/completion.zsh" "$pkg/usr/share/zsh/vendor-completions/_dossier"
install -m 0644 "$stage/completion.fish" "$pkg/usr/share/fish/vendor_completions.d/dossier.fish"

# the two lintian tags that static linking raises by design, with the reason
install -m 0644 packaging/lintian-overrides "$pkg/usr/share/lintian/overrides/dossier"

# copyright (machine-readable, from LICENSE), upstream and Debian changelogs
bash packaging/copyright.sh LICENSE > "$pkg/usr/share/doc/dossier/copyright"
gzip -9n < CHANGELOG.md > "$pkg/usr/share/doc/dossier/changelog.gz"
{
  printf 'dossier (%s) unstable; urgency=medium\n\n' "$debversion"
  printf '  * Release %s; see /usr/share/doc/dossier/changelog.gz.\n' "$version"
  printf '  * Built from commit %s.\n\n' "$commit"
  printf ' -- the dossier authors <maintainers@users.noreply.r-seed-df2141b6.example>  %s\n' \
    "$(LC_ALL=C date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$pkg/usr/share/doc/dossier/changelog.Debian.gz"

# Depends, computed from the binary's needs (dpkg-shlibdeps wants a debian/control to read)
shlib=$(mktemp -d)
mkdir "$shlib/debian"
printf 'Source: dossier\n\nPackage: dossier\nArchitecture: any\n' > "$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O -e "$pkg/usr/bin/dossier" | sed -n 's/^shlibs:Depends=//p')
rm -rf "$shlib"
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps computed no dependency" >&2; exit 1; }

size=$(du -k -s "$pkg/usr" | cut -f1)
sed -e "s/@VERSION@/$debversion/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" \
  packaging/control.in > "$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
chmod 0644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"
find "$pkg" -type d -exec chmod 0755 {} +
find "$pkg/usr/share" -type f -exec chmod 0644 {} +

deb=dist/dossier_${debversion}_${arch}.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >&2
echo "$deb"
