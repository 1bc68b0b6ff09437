#!/usr/bin/env bash
# Checks that the Swift sources are formatted as .swift-format says, and fails (status 1) on the
# first finding, listing every finding as file:line:column. Nothing is rewritten; to reformat:
#   swift format format --in-place --parallel --recursive Sources Tests Package.swift Plugins
# swift-format ships with the Swift toolchain (`swift format`, or the swift-format binary).
set -euo pipefail
cd "$(dirname "$0")/.."
if swift format --version >/dev/null 2>&1; then
  format=(swift format)
elif command -v swift-format >/dev/null 2>&1; then
  format=(swift-format)
else
  echo "format-check: swift-format not found (it ships with the Swift toolchain, 5.8 and later)" >&2
  exit 2
fi
# --strict turns every finding into an error, so the status says whether there was one
"${format[@]}" lint --strict --parallel --recursive Sources Tests Package.swift Plugins
echo "format-check: every file is formatted as .swift-format says"
