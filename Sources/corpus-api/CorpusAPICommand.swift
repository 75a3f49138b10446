import ArgumentParser

/// `corpus-api` serves by default; `corpus-api healthcheck` is what the
/// container's HEALTHCHECK runs, so the image needs no curl.
@main
struct CorpusAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-api",
        abstract: "Serve timeline events, economic indicators and citations from a corpus of articles.",
        discussion: """
            Settings come from, in rising precedence: defaults, a JSON file (--config), \
            environment variables (CORPUS_API_<SETTING>, e.g. CORPUS_API_PORT), and flags.
            """,
        subcommands: [ServeCommand.self, HealthcheckCommand.self, ExtractCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
