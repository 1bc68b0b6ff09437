import PackagePlugin

/// Embeds every `.yaml` file of the target (the top-level `Resources/` folder) into one generated
/// Swift file of raw string literals, so the binary carries its dossier wherever it is copied.
@main
struct EmbedDossier: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let inputs = target.sourceFiles
            .map(\.url)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDossier.swift")
        let root = target.directoryURL.path
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) dossier file(s)",
                executable: try context.tool(named: "embedgen").url,
                arguments: [output.path, root] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
