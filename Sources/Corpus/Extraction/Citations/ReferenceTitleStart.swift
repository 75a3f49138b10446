/// Finds where a title begins when the CRF drew the line between the names and
/// the title in the wrong place, by rewriting the labels before the fields are read:
/// - the last family name of a list read as the title's first words ("M. S. | Lam.
///   Semantic …", "Yoshida, | Nami Uchikata, and Toshifumi Futamase. Quasinormal …");
/// - with no title labelled at all, the title read as more names: after the initials
///   of "Forster, E. M. Howards End." or after the editor word of "Conati, Marcello
///   (ed.), Encounters with Verdi,".
enum ReferenceTitleStart {
    /// All the rewrites, in order.
    static func repaired(tokens: [String], labels: [String]) -> [String] {
        rewrites.reduce(labels) { labels, rewrite in rewrite(tokens, labels) }
    }

    /// In the order they run.
    static let rewrites: [ReferenceContainerFinder.Rewrite] = [namesOpeningTitle, titleAfterInitials, titleAfterEditorWord]

    /// "S.", "J.-P.": initials written with a full stop.
    static func isDottedInitials(_ token: String) -> Bool {
        token.contains(".") && ReferenceNameSplitter.isInitials(token)
    }

    static func isConjunction(_ token: String) -> Bool {
        Lexicon.nameConjunctions.contains(ReferenceTokenFeatures.word(token)) && ReferenceTokenFeatures.word(token) != "a"
    }

    /// A title run right after the author run whose first sentence is only names: one
    /// capitalised word after an author run that ends in initials ("M. S. | Lam."), or
    /// capitalised words joined by "and"/"&" after one that ends in initials or a comma.
    /// That sentence joins the authors.
    static func namesOpeningTitle(tokens: [String], labels: [String]) -> [String] {
        guard let title = ReferenceContainerFinder.firstRun(labels, "title"), title.lowerBound > 0,
            labels[title.lowerBound - 1] == "author"
        else { return labels }
        let last = tokens[title.lowerBound - 1]
        // "V. O. | Key, Politics, …": a list written given name first that stops at initials
        // has its family name in the title's first word, whatever mark ends it.
        if isDottedInitials(last), title.count > 1, ReferenceContainerFinder.capitalised(tokens[title.lowerBound]),
            !isDottedInitials(tokens[title.lowerBound]), tokens[title.lowerBound].hasSuffix(","),
            let author = ReferenceContainerFinder.firstRun(labels, "author"), isDottedInitials(tokens[author.lowerBound])
        {
            var out = labels
            out[title.lowerBound] = "author"
            return out
        }
        guard let end = title.first(where: { ReferenceTokenFeatures.endsSentence(Substring(tokens[$0])) }), end + 1 < title.upperBound
        else { return labels }
        let words = tokens[title.lowerBound...end]
        // "(editors)." among the names is the list's editor mark.
        let capitalisedOrJoining = words.allSatisfy {
            ReferenceContainerFinder.capitalised($0) || isConjunction($0) || Lexicon.nameListNoise.contains(ReferenceTokenFeatures.word($0))
                || ReferenceTokenFeatures.word($0).hasPrefix("editor")
        }
        let joined = words.contains(where: isConjunction)
        let oneFamily = words.count == 1 && isDottedInitials(last) && !isDottedInitials(words.first!)
        guard capitalisedOrJoining, oneFamily || (joined && words.count <= 8 && (isDottedInitials(last) || last.hasSuffix(",") || isConjunction(words.first!)))
        else { return labels }
        var out = labels
        for i in title.lowerBound...end { out[i] = "author" }
        return out
    }

    /// No title labelled, and an author run "Family, I. I. Title Words." that goes on after the
    /// initials with a capitalised word that is no name's start (no comma or "and" between):
    /// from that word to the end of its sentence is the title.
    static func titleAfterInitials(tokens: [String], labels: [String]) -> [String] {
        guard let run = ReferenceContainerFinder.firstRun(labels, "author"), tokens[run.lowerBound].hasSuffix(",") else { return labels }
        // With a title labelled, only where it follows the names straight away ("Diamond, Stephen A.
        // Anger, | madness, and the daimonic"): the title's first words ran into the names.
        let titled = labels.contains("title")
        guard !titled || (run.upperBound < labels.count && labels[run.upperBound] == "title") else { return labels }
        // "Kolbe, T., Partridge, M.": a comma or semicolon after the initials goes on with the list.
        // "Tavo, Felise. Woman, …": a given name that ends a sentence ends the list too.
        // "Tambiah, Stanley Jeyaraja. Magic, …": up to three given names, the last ending a sentence.
        let ends = { (k: Int) in
            let givenNames = k <= run.lowerBound + 3 && ReferenceTokenFeatures.endsSentence(Substring(tokens[k]))
                && tokens[(run.lowerBound + 1)...k].allSatisfy { ReferenceContainerFinder.capitalised($0) && !$0.hasSuffix(",") }
            return (isDottedInitials(tokens[k]) || givenNames) && !tokens[k].hasSuffix(",") && !tokens[k].hasSuffix(";")
        }
        for k in run.dropFirst().dropLast() where ends(k) {
            let next = tokens[k + 1]
            guard !isDottedInitials(next), !isConjunction(next), ReferenceContainerFinder.capitalised(next) else { continue }
            var out = labels
            if titled {
                // Only a title's opening words: no conjunction or initials of more names, and no
                // full stop that would end a name ("Newell, A., J.C. | Shaw, and H.A. Simon.").
                // Nor after initials that follow a conjunction: "and V. | Chan-Palay," is a family name.
                let spill = (k + 1)..<run.upperBound
                guard spill.count <= 3, !tokens[run.lowerBound..<k].contains(where: isConjunction),
                    !spill.contains(where: { isConjunction(tokens[$0]) || isDottedInitials(tokens[$0]) }),
                    !ReferenceTokenFeatures.endsSentence(Substring(tokens[run.upperBound - 1]))
                else { return labels }
                for j in spill { out[j] = "title" }
                return out
            }
            var j = k + 1
            while j < run.upperBound {
                out[j] = "title"
                j += 1
                if ReferenceTokenFeatures.endsSentence(Substring(tokens[j - 1])) { break }
            }
            return out
        }
        return labels
    }

    /// No title labelled, and an editor run that goes on after its editor word ("(ed.),",
    /// "eds.", "Editor."): the words after it, to the end of their sentence or to a
    /// translator's name, are the title.
    static func titleAfterEditorWord(tokens: [String], labels: [String]) -> [String] {
        guard !labels.contains("title"), let run = ReferenceContainerFinder.firstRun(labels, "editor"),
            let word = run.dropLast().first(where: { ReferenceTokenFeatures.editorWords.contains(ReferenceTokenFeatures.word(tokens[$0])) || ReferenceTokenFeatures.word(tokens[$0]).hasPrefix("editor") }),
            // "ed. D. B. Redford": an editor word that opens the run names who follows it.
            word > run.lowerBound,
            ReferenceContainerFinder.capitalised(tokens[word + 1])
        else { return labels }
        var out = labels
        var j = word + 1
        while j < run.upperBound {
            if j > word + 1 && tokens[j - 1].hasSuffix(",") && ReferenceContainerFinder.capitalised(tokens[j])
                && run[j...].contains(where: { ["trans", "transl", "tr"].contains(ReferenceTokenFeatures.word(tokens[$0])) }) { break }
            out[j] = "title"
            j += 1
            if ReferenceTokenFeatures.endsSentence(Substring(tokens[j - 1])) { break }
        }
        return out
    }
}
