import BundledDossier
import DossierCore
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

// The benchmark runner: `dossier-bench [DIR] [--runs N]` measures, in one process (so peak memory
// is this dossier's), load + index + first frame, full-frame renders, reducer + render per key,
// and search per keystroke, and prints one JSON object of medians in milliseconds.
// Run it through Benchmarks/run.sh, which builds in release mode and covers every size.

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return String(rounded)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 31
if let flag = arguments.firstIndex(of: "--runs"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]) {
    runs = n
    arguments.removeSubrange(flag...(flag + 1))
}
// `--profile-keys N`: only N j/k keys at 120×40 after the load, for a profiler (perf, callgrind)
var profileKeys = 0
if let flag = arguments.firstIndex(of: "--profile-keys"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]) {
    profileKeys = n
    arguments.removeSubrange(flag...(flag + 1))
}
// `--profile-load`: stop once the first frame is drawn, for a profiler (perf, heaptrack)
var profileLoad = false
if let flag = arguments.firstIndex(of: "--profile-load") {
    profileLoad = true
    arguments.remove(at: flag)
}
let directory = arguments.first
// `--decode-twice`: the bundled compact form decoded twice, to tell the first use's runtime costs
// (type metadata, key paths) from the decoding itself
if arguments.contains("--decode-twice") {
    for round in 1...3 {
        let t = now()
        let dossier = BundledDossier.compact.withUTF8Buffer { try? CompactCodec.decode($0) }
        let decoded = now()
        _ = dossier.map { DossierStore($0) }
        print("decode \(round): \(format(decoded - t)) ms, store: \(format(now() - decoded)) ms")
    }
    exit(0)
}

// 1. load + index + first frame (once: it is what start-up pays). The dossier is handed over to
//    the store, as the explorer does, not kept beside it.
func loadStore() -> (store: DossierStore, loaded: Double, stored: Double) {
    let dossier: Dossier
    do {
        if let directory {
            dossier = try DossierLoader.load(directory: directory)
        } else if let compact = BundledDossier.compact.withUTF8Buffer({ try? CompactCodec.decode($0) }) {
            dossier = compact
        } else {
            dossier = try DossierLoader.load(files: BundledDossier.files)
        }
    } catch {
        for d in error.diagnostics.prefix(5) { print(d) }
        exit(1)
    }
    let loaded = now()
    let store = DossierStore(consume dossier)
    return (store, loaded, now())
}
let start = now()
let (store, loaded, stored) = loadStore()
var state = AppState(store: store, lang: .en, width: 80, height: 24)
// each state drawn by its own renderer, as the explorer loop keeps one with its caches
let stateRenderer = Renderer(), wideRenderer = Renderer(), largeRenderer = Renderer()
_ = stateRenderer.draw(state)
let firstFrame = now()
let firstFrameRSS = residentMB(), firstFramePeak = highWaterMarkMB()
if profileLoad { exit(0) }
// the explorer builds the search index on a background thread after the first frame; here it is
// built in the foreground to measure how long a search typed at once would wait
let indexStart = now()
_ = store.searchIndex
let indexBuilt = now()
state.reduce(.searchIndexReady)
// the peak so far is the explorer's once open: loaded, first frame drawn, index built (what
// follows holds more screens and searches than the explorer holds at once)
let openedPeakMB = highWaterMarkMB()
let openedRSS = residentMB()

if profileKeys > 0 {
    var profiled = AppState(store: store, lang: .en, width: 120, height: 40)
    let profiledRenderer = Renderer()
    for n in 0..<profileKeys {
        profiled.handle(.character(n % 40 < 20 ? "j" : "k"))
        _ = profiledRenderer.draw(profiled)
    }
    exit(0)
}

// 2. full-frame renders
var render80: [Double] = [], render200: [Double] = []
var wide = AppState(store: store, lang: .en, width: 200, height: 60)
wide.reduce(.searchIndexReady)
for _ in 0..<runs {
    var t = now(); _ = stateRenderer.draw(state); render80.append(now() - t)
    t = now(); _ = wideRenderer.draw(wide); render200.append(now() - t)
}

// 3. reducer + render per navigation key (j, then J for years, then k)
var perKey: [Double] = []
for key in [Key.character("j"), .character("J"), .character("k"), .character("K")] {
    for _ in 0..<runs {
        let t = now()
        state.handle(key)
        _ = stateRenderer.draw(state)
        perKey.append(now() - t)
    }
}

// 3b. the same at 120×40, the size issue 16's goal is set at (j and k only: one record to the next)
var large = AppState(store: store, lang: .en, width: 120, height: 40)
large.reduce(.searchIndexReady)
_ = largeRenderer.draw(large)
var perKeyLarge: [Double] = []
for key in [Key.character("j"), .character("k")] {
    for _ in 0..<(runs * 2) {
        let t = now()
        large.handle(key)
        _ = largeRenderer.draw(large)
        perKeyLarge.append(now() - t)
    }
}

// 3c. the same split by what the key finds in the caches. "new": `j` through records never shown,
//     each state fresh, with the neighbour preparation the explorer runs after each frame
//     (`Renderer.prepareNeighbours`) run between keys and left out of the time, as the loop runs it while
//     it waits for the next key; "cold": the same without it (a jump, or a key faster than the
//     preparation); "revisit": j and k between two records just shown.
@MainActor func walkNew(prepared: Bool) -> [Double] {
    var times: [Double] = []
    for _ in 0..<max(1, runs / 10) {
        var fresh = AppState(store: store, lang: .en, width: 120, height: 40)
        let freshRenderer = Renderer()
        fresh.reduce(.searchIndexReady)
        _ = freshRenderer.draw(fresh)
        if prepared { freshRenderer.prepareNeighbours(of: fresh) }
        for _ in 0..<min(runs * 2, max(1, store.events.count - 2)) {
            let t = now()
            fresh.handle(.character("j"))
            _ = freshRenderer.draw(fresh)
            times.append(now() - t)
            if prepared { freshRenderer.prepareNeighbours(of: fresh) }
        }
    }
    return times
}
let perKeyNew = walkNew(prepared: true), perKeyCold = walkNew(prepared: false)
var perKeyRevisit: [Double] = []
for n in 0..<(runs * 4) {
    let t = now()
    large.handle(.character(n % 2 == 0 ? "j" : "k"))
    _ = largeRenderer.draw(large)
    perKeyRevisit.append(now() - t)
}

// 4. search per keystroke (incremental: fold, scan, move to the first hit, render); the first
//    keystroke scans every record, the next ones only the previous hits
var searchFirst = 0.0
var perSearchKey: [Double] = []
for round in 0..<max(1, runs / 10) {
    wide.handle(.character("/"))
    for (n, character) in "conseil detat".enumerated() {
        let t = now()
        wide.handle(.character(character))
        _ = wideRenderer.draw(wide)
        let elapsed = now() - t
        if round == 0 && n == 0 { searchFirst = elapsed } else { perSearchKey.append(elapsed) }
    }
    wide.handle(.escape)
}

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let peakMB = Double(usage.ru_maxrss) / 1024

print(
    """
    {"dossier": "\(directory ?? "bundled")", "events": \(store.events.count), "parties": \(store.parties.count), \
    "arguments": \(store.arguments.count), "sources": \(store.sources.count), \
    "load_ms": \(format(loaded - start)), "store_ms": \(format(stored - loaded)), "load_index_first_frame_ms": \(format(firstFrame - start)), \
    "render_80x24_ms": \(format(median(render80))), "render_200x60_ms": \(format(median(render200))), \
    "key_ms": \(format(median(perKey))), "key_max_ms": \(format(perKey.max() ?? 0)), \
    "key_120x40_ms": \(format(median(perKeyLarge))), "key_120x40_max_ms": \(format(perKeyLarge.max() ?? 0)), \
    "key_120x40_new_prepared_ms": \(format(median(perKeyNew))), "key_120x40_new_cold_ms": \(format(median(perKeyCold))), \
    "key_120x40_revisit_ms": \(format(median(perKeyRevisit))), \
    "key_120x40_note": "reducer + render, one key; new_prepared: j to a record never shown, neighbours prepared between keys (untimed, as the loop does after each frame); new_cold: the same unprepared; revisit: j/k between two records just shown; key_120x40_ms: j x 2 runs then k x 2 runs, no preparation", \
    "index_ms": \(format(indexBuilt - indexStart)), "search_first_key_ms": \(format(searchFirst)), "search_key_ms": \(format(median(perSearchKey))), \
    "rss_first_frame_mb": \(format(firstFrameRSS)), "peak_rss_first_frame_mb": \(format(firstFramePeak)), "rss_opened_mb": \(format(openedRSS)), "peak_rss_opened_mb": \(format(openedPeakMB)), "peak_rss_mb": \(format(peakMB))}
    """)

/// The process's resident high-water mark (VmHWM in /proc/self/status), in MB.
func highWaterMarkMB() -> Double { statusMB("VmHWM:") }

/// The process's resident memory now (VmRSS), in MB.
func residentMB() -> Double { statusMB("VmRSS:") }

/// One kB figure of /proc/self/status, in MB.
func statusMB(_ label: String) -> Double {
    let fd = open("/proc/self/status", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 8192)
    let count = read(fd, &bytes, bytes.count)
    guard count > 0 else { return 0 }
    let status = String(decoding: bytes[0..<count], as: UTF8.self)
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(label) }),
        let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kB / 1024
}
