/// A position in a source file, 1-based, as people count lines and columns.
public struct SourceMark: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// The part of YAML a hand-edited dossier uses: scalars, sequences and mappings, each with the mark
/// of where it starts so every problem can be reported as file:line:column.
public enum YAMLNode: Sendable {
    case scalar(String, SourceMark)
    case sequence([YAMLNode], SourceMark)
    case mapping([(key: String, keyMark: SourceMark, value: YAMLNode)], SourceMark)

    public var mark: SourceMark {
        switch self {
        case .scalar(_, let mark), .sequence(_, let mark), .mapping(_, let mark): return mark
        }
    }

    /// What the node is, for messages such as "expected a list, found text".
    public var kindDescription: String {
        switch self {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
