import Foundation
import Testing

/// Every JSON output validates against its schema in docs/schema (JSON Schema 2020-12), checked
/// by python3's jsonschema package. Without it the test fails and says so (.ci/setup installs it).
@Suite(.serialized) struct SchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schema").path
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3's jsonschema package is missing (apt-get install python3-jsonschema, or .ci/setup)"); sys.exit(2)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=lambda e: list(e.path))
        for e in errors[:5]: print("/".join(map(str, e.absolute_path)) + ": " + e.message[:300])
        sys.exit(1 if errors else 0)
        """

    static func check(_ schema: String, _ arguments: [String]) throws {
        let output = try CLI.run(arguments)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-schema-\(UUID().uuidString).json")
        try output.stdout.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        // python3 as found on the caller's PATH (a pyenv or virtualenv one has its own packages)
        let result = try CLI.run(
            ["python3", "-c", validator, schemas + "/\(schema).json", file.path], executable: "/usr/bin/env",
            environment: ProcessInfo.processInfo.environment)
        if result.status == 127 { Issue.record("python3 is missing: cannot check \(schema).json (.ci/setup installs it)"); return }
        #expect(result.status == 0, "\(arguments.joined(separator: " ")) against \(schema).json: \(result.stdout)\(result.stderr)")
    }

    static let valid = ["--data", CLI.fixtures + "/valid"]

    @Test(arguments: [[String](), valid])
    func everyCommandsJSONMatchesItsSchema(data: [String]) throws {
        for lang in ["en", "fr"] {
            let common = ["--format", "json", "--lang", lang] + data
            try Self.check("export", ["export"] + common)
            try Self.check("timeline", ["timeline"] + common)
            try Self.check("parties", ["parties"] + common)
            try Self.check("arguments", ["arguments"] + common)
            try Self.check("accords", ["accords"] + common)
            try Self.check("search", ["search", "court"] + common)
            try Self.check("tour", ["tour"] + common)
            try Self.check("glossary", ["glossary"] + common)
            try Self.check("overview", common)
            try Self.check("timelinejs", ["export", "--format", "timelinejs", "--lang", lang] + data)
            try Self.check("compare", ["accords", "--compare"] + common)
        }
        for lang in ["en", "fr"] {
            try Self.check("compare", ["accords", "--compare", "--format", "json", "--lang", lang, "--data", CLI.fixtures + "/compare"])
        }
        try Self.check("keys", ["keys", "--format", "json"])
        for lang in ["en", "fr"] {
            try Self.check("sources", ["sources", "--format", "json", "--lang", lang])
            try Self.check("case", ["case", "ce-2024-03-22-ordonnance-492369", "--format", "json", "--lang", lang])
            try Self.check("case", ["case", "schrems-ii", "--format", "json", "--lang", lang])
        }
        try Self.check("validate", ["validate", "--format", "json"] + data)
    }

    @Test func everyKindOfRecordShownMatchesTheSchema() throws {
        for id in ["claimant", "ev-ruling", "ev-filing", "arg-held", "test-accord", "src-court", "interim-order", "stay"] {
            try Self.check("show", ["show", id, "--format", "json"] + Self.valid)
        }
    }

    @Test func validateProblemsMatchTheSchema() throws {
        for broken in ["no-dossier-record", "unknown-field", "malformed-yaml", "dangling-reference"] {
            try Self.check("validate", ["validate", "--format", "json", CLI.fixtures + "/broken/" + broken])
        }
    }
}
