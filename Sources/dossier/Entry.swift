import ArgumentParser
import DossierCore
import DossierOutput
import DossierTerminal
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

/// The entry point. Opening the explorer is what people do most, and what must start fastest:
/// with only explorer options on a terminal it goes straight there, because the argument parser's
/// first use costs several milliseconds of runtime type lookups. Everything else goes through it.
@main
enum Entry {
    static func main() {
        StandardOutputCheck.install()
        if let options = FastStart.explorerOptions(Array(CommandLine.arguments.dropFirst())), isatty(0) == 1, isatty(1) == 1 {
            let environment = Environment.variables
            let monochrome = options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
            let choice = TerminalReplies.choice(option: options.theme, environment: environment)
            // the terminal's answers (its background colour) travel while the dossier loads
            let asked = choice.flatMap { Explorer.ask(theme: $0, monochrome: monochrome, environment: environment) }
            let store: DossierStore
            do {
                store = try DossierSource.loadOrExit(data: options.data)
            } catch {
                _ = asked?.answers()
                exit(1)
            }
            guard let theme = choice else {
                printError("dossier: DOSSIER_THEME must be auto, dark, light or mono")
                exit(2)
            }
            let status = Explorer.run(
                store: store, lang: options.lang ?? Language.fromEnvironment(environment),
                theme: theme, monochrome: monochrome, environment: environment,
                mouse: options.mouse, at: nil, asked: asked)
            exit(status)
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--generate-completion-script", "fish"] || arguments == ["--generate-completion-script=fish"] {
            print(FishCompletion.script(DossierCommand.completionScript(for: .fish)), terminator: "")
            exit(0)
        }
        DossierCommand.runSanitizingErrors()
    }
}

extension DossierCommand {
    /// `main()`, except that an error message, which echoes arguments (an id, a folder, a value
    /// the parser refused), is sanitised as data is before it reaches the terminal: an escape
    /// sequence given on the command line is shown, never obeyed.
    static func runSanitizingErrors() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}

/// The argument parser's fish script asks fish 3 for the cursor's place in the word with
/// `commandline -o -tC`, which fish 3 reads as setting the cursor and refuses, so no custom
/// completion (record ids) ever ran there. This asks with `commandline -tC` instead, and takes the
/// end of the word when fish knows no cursor (`complete -C`).
enum FishCompletion {
    static func script(_ generated: String) -> String {
        generated.replacing(
            "        commandline -o $argv\n",
            with: """
                        if contains -- -tC $argv
                            set -l cursor (commandline -tC 2>/dev/null)
                            if test -n "$cursor"
                                echo $cursor
                            else
                                string length -- "$(commandline -t)"
                            end
                        else
                            commandline -o $argv
                        end

                """)
    }
}

/// The explorer's own options, read without the argument parser; nil for anything else (which
/// then gets the parser's full handling, help and errors).
enum FastStart {
    struct Options {
        var noColor = false, mouse = false
        var lang: Language?
        var theme: String?
        var data: String?
    }

    static func explorerOptions(_ arguments: [String]) -> Options? {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--no-color": options.noColor = true
            case "--mouse": options.mouse = true
            case "--lang":
                guard let value = rest.popFirst(), let lang = Language(rawValue: value) else { return nil }
                options.lang = lang
            case "--data":
                guard let value = rest.popFirst() else { return nil }
                options.data = value
            case "--theme":
                guard let value = rest.popFirst(), ThemeChoice(rawValue: value) != nil else { return nil }
                options.theme = value
            default:
                if argument.hasPrefix("--lang="), let lang = Language(rawValue: String(argument.dropFirst(7))) {
                    options.lang = lang
                } else {
                    return nil
                }
            }
        }
        return options
    }
}
