#!/usr/bin/env python3
"""Turns one JSON line from dossier-bench into a Markdown table row."""
import json, sys

r = json.loads(sys.stdin.read())
name = "bundled" if r["dossier"] == "bundled" else "synthetic"
cells = [name, r["events"], r["load_ms"], r["load_index_first_frame_ms"], r["index_ms"], r["render_80x24_ms"], r["render_200x60_ms"],
         f'{r["key_ms"]} (max {r["key_max_ms"]})', f'{r["key_120x40_ms"]} (max {r["key_120x40_max_ms"]})',
         f'{r.get("key_120x40_new_prepared_ms", "–")} / {r.get("key_120x40_new_cold_ms", "–")} / {r.get("key_120x40_revisit_ms", "–")}', f'{r["search_key_ms"]} (first {r["search_first_key_ms"]})', r["peak_rss_opened_mb"], r["peak_rss_mb"]]
print("| " + " | ".join(str(c) for c in cells) + " |")
