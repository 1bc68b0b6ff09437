/// One problem found in a dossier, located to a file and a line (and column where known).
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    /// The file name and the message are sanitised: both can carry text from a hostile dossier
    /// (a file named with an escape sequence, an unknown key, a duplicate key) and are printed on
    /// standard error, often a terminal.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = Sanitizer.clean(file, multiline: false)
        self.line = line
        self.column = column
        self.message = Sanitizer.clean(message, multiline: false)
    }

    public init(_ origin: Origin, _ message: String) {
        self.init(file: origin.file, line: origin.mark.line, column: origin.mark.column, message: message)
    }

    /// `file:line:column: message`, the form editors and terminals turn into links.
    public var description: String {
        guard line > 0 else { return "\(file): \(message)" }
        return "\(file):\(line):\(column): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// Thrown when a dossier cannot be used: every problem found, sorted by place.
public struct DossierLoadError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
}
