#!/usr/bin/env bash
# Builds dossier-libfuzzer: the fuzz target with libFuzzer and AddressSanitizer.
#   bash scripts/libfuzzer/build.sh
#   SWIFT_BACKTRACE=enable=no .build-libfuzzer/dossier-libfuzzer .build-libfuzzer/corpus -max_total_time=600
# The libraries are built by SwiftPM into .build-libfuzzer with coverage instrumentation; the entry
# point is linked by hand, because an executable target would need a `main` in ordinary builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=.build-libfuzzer
# (not -sanitize=fuzzer here: it would link libFuzzer's main into the embedgen build tool too)
swift build -c release --scratch-path "$scratch" --target DossierFuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp,indirect-calls
bin="$scratch/release"
objects=()
for target in DossierCore DossierUI DossierOutput BundledDossier DossierFuzz; do
  objects+=("$bin/$target.build"/*.o)
done
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name DossierLibFuzzer \
  -I "$bin/Modules" -I Sources/CYaml scripts/libfuzzer/Entry.swift "${objects[@]}" -lyaml \
  -o "$scratch/dossier-libfuzzer" 2> >(grep -v "Cannot export local symbol" >&2)
# seeds: each file of the bundled dossier, and of the test fixtures, as an input
mkdir -p "$scratch/corpus"
i=0
for file in Resources/*.yaml; do
  { printf "\\x$(printf %02x $i)"; cat "$file"; } > "$scratch/corpus/bundled-$i"
  i=$((i + 1))
done
for file in Tests/DossierCoreTests/Fixtures/*/*.yaml Tests/DossierCoreTests/Fixtures/broken/*/*.yaml; do
  { printf '\x00'; cat "$file"; } > "$scratch/corpus/fixture-$(echo "$file" | tr '/' '_')"
done
echo "built $scratch/dossier-libfuzzer; seeds in $scratch/corpus"
