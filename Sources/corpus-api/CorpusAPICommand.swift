import ArgumentParser

/// `corpus-api` serves by default; `corpus-api healthcheck` is what the
/// container's HEALTHCHECK runs, so the image needs no curl. `--help` lists
/// every setting with its JSON key, environment variable and flag, read
/// from `Setting.all` like the parsers, so the list cannot drift.
@main
struct CorpusAPICommand: ParsableCommand {
    /// The release: the API description's `info.version` says the same.
    static let version = "1.0.0"

    static let configuration = CommandConfiguration(
        commandName: "corpus-api",
        abstract: "Serve timeline events, economic indicators and citations from a corpus of articles.",
        discussion: """
            Settings come from, in rising precedence: defaults, a JSON file (--config PATH or \
            CORPUS_API_CONFIG), environment variables, and flags. `corpus-api serve --help` \
            shows the flags alone. Every setting (JSON key, environment variable, flag):

            \(settingsTable)
            """,
        version: version,
        subcommands: [ServeCommand.self, HealthcheckCommand.self, ExtractCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    static var settingsTable: String {
        Setting.all.map { s in
            "  \(s.key)  \(s.environmentName)  --\(s.flagName)\n      \(s.help)"
        }.joined(separator: "\n")
    }
}
