// The bundled dossier: the YAML files of this folder, embedded in the binary at build time by the
// EmbedDossier plugin (see Package.swift), which adds `BundledDossier.files`. This file only names
// the module's namespace: SwiftPM runs a target's build plugins only when it has a Swift source.
public enum BundledDossier {}
