// libFuzzer entry point for the loader, validator, store, views and printers (see build.sh).
// The first byte of an input picks which file of the bundled dossier the rest replaces, so inputs
// resolve across files and reach the store and the views as often as they can.
import DossierCore
import DossierFuzz

let bundled = Mutator.bundledSeed

@_cdecl("LLVMFuzzerTestOneInput")
public func dossierTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    var input = bundled
    let index = Int(data[0]) % input.count
    input[index].bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var rng = SplitMix64(seed: UInt64(size))
    do {
        try FuzzTarget.run(input, using: &rng)
    } catch {
        fatalError("check failed: \(error)")
    }
    return 0
}
