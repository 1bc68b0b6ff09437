#!/usr/bin/env bash
# Reproduces the figures of docs/PERFORMANCE.md: builds in release mode, generates synthetic
# dossiers of 1k, 10k and 100k events, runs the in-process benchmark on each and on the bundled
# dossier, then the end-to-end pseudo-terminal comparison with `less`.
#   bash Benchmarks/run.sh [--quick]      (--quick: fewer runs, for a smoke test)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=31; starts=11; keys=200
[ "${1:-}" = "--quick" ] && { runs=5; starts=3; keys=20; }
command -v less >/dev/null || { echo "less is needed for the comparison (apt-get install less)"; exit 1; }
swift build -c release --product dossier >/dev/null
swift build -c release --product dossier-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
# the binary people install: static Swift runtime (see the README's Install), in its own build folder
swift build -c release --static-swift-stdlib --product dossier --scratch-path .build-static >/dev/null
static=$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)
work=$(mktemp -d /tmp/dossier-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "## In process (release; medians in ms; peak RSS in MB)"
echo
echo "| dossier | events | load | load + store + first frame | search index (background) | render 80×24 | render 200×60 | key 80×24 (reducer + render) | key 120×40 (j/k) | key 120×40 new record, neighbours prepared between keys (untimed) / cold / revisit | search per key (first) | peak RSS, opened (first frame + index) | peak RSS, whole bench |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
row() { python3 Benchmarks/row.py; }
"$bin/dossier-bench" --runs "$runs" | row
for n in 1000 10000 100000; do
  "$bin/dossier" synth --events "$n" --out "$work/$n" >/dev/null
  "$bin/dossier-bench" "$work/$n" --runs "$runs" | row
done
echo
echo "## In a real terminal: dossier against less on the same content (bundled dossier)"
echo
"$bin/dossier" export --format markdown > "$work/dossier.md"
echo "Installed binary (static Swift runtime):"
echo
python3 Benchmarks/pty_bench.py "$static/dossier" "$work/dossier.md" --starts "$starts" --keys "$keys"
echo
echo "Default release build (Swift runtime as shared libraries):"
echo
python3 Benchmarks/pty_bench.py "$bin/dossier" "$work/dossier.md" --starts "$starts" --keys "$keys"
