extension YAMLParser {
    /// For the fuzzer: reads `bytes` with both readers and describes how they disagree — the fast
    /// reader read a text libyaml refuses, or built another tree — or returns nil.
    public static func crossCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard case .parsed(let fast) = FastYAMLReader.parse(bytes, limits: .standard) else { return nil }
        let reference: YAMLNode?
        do throws(YAMLError) {
            reference = try parseWithLibYAML(bytes)
        } catch {
            return "the fast reader read a text libyaml refuses (\(error.mark.line):\(error.mark.column): \(error.message))"
        }
        switch (fast, reference) {
        case (nil, nil): return nil
        case (let a?, let b?): return a.isIdentical(to: b) ? nil : "the two readers built different trees"
        default: return "one reader found a document, the other none"
        }
    }
}

extension YAMLNode {
    /// Same shape, texts, keys and marks.
    func isIdentical(to other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let a, let m), .scalar(let b, let n)):
            return m == n && a == b
        case (.sequence(let a, let m), .sequence(let b, let n)):
            return m == n && a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.mapping(let a, let m), .mapping(let b, let n)):
            return m == n && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.keyMark == $1.keyMark && $0.value.isIdentical(to: $1.value) }
        default:
            return false
        }
    }
}
