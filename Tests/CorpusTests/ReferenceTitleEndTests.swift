import Testing

@testable import Corpus

/// Where the title ends when the CRF ran it on into what the entry prints after it:
/// a volume-and-pages locator, a genre, a contributor, a publisher. Each rule on
/// entries written for these tests, labelled the way the model mislabels them.
@Suite struct ReferenceTitleEndTests {
    func fields(_ spec: String) -> ReferenceFields { labelledFields(spec) }

    @Test func aLocatorIsVolumeIssueAndPagesNeverTitleOrJournal() {
        #expect(ReferenceTitleEnd.locator("14(3):201-219.")! == ("14", "3"))
        #expect(ReferenceTitleEnd.locator("7:e1043,")! == ("7", nil))
        #expect(ReferenceTitleEnd.locator("12:88–97")! == ("12", nil))
        // A time, a ratio in words, a year range or a plain number is no locator.
        #expect(ReferenceTitleEnd.locator("Ratio:2") == nil)
        #expect(ReferenceTitleEnd.locator("1991–1996") == nil)
        #expect(ReferenceTitleEnd.locator("12345:6") == nil)
        let f = fields("author:Moss K, Ilves T | date:(2011) | title:Tidal flats and herons. | journal:Coastal Birds Review 14(3):201-219.")
        #expect(f.containerTitle == "Coastal Birds Review")
        #expect(f.volume == "14" && f.issue == "3" && f.page == "201-219")
    }

    @Test func theShortSentenceBeforeALocatorIsTheJournal() {
        let f = fields("author:Moss K, Ilves T | date:(2011) | title:Tidal flats and herons. Coastal birds and their food 14(3):201-219.")
        #expect(f.title == "Tidal flats and herons")
        #expect(f.containerTitle == "Coastal birds and their food")
        #expect(f.volume == "14" && f.issue == "3" && f.page == "201-219")
        // A title with no sentence before the locator keeps its words.
        let g = fields("author:Moss K | date:(2011) | title:Herons 14(3):201-219.")
        #expect(g.title == "Herons" && g.containerTitle == nil)
    }

    @Test func aGenreAfterTheTitleIsNoPartOfIt() {
        let thesis = fields("author:Ilves, Tarmo, | date:(2003). | title:Salt marsh herons of the Baltic, Masters Thesis, | publisher:Tartu University.")
        #expect(thesis.title == "Salt marsh herons of the Baltic")
        #expect(thesis.type == "thesis")
        let report = fields("author:T. Ilves. | title:Heron counts on Hiiumaa. Tech. rep. HR-04, Coastal Survey, | date:May 2004.")
        #expect(report.title == "Heron counts on Hiiumaa")
        #expect(report.type == "report")
        // A year printed between the title and the genre is the date.
        let film = fields("author:Tamm, M | title:Grey herons 1988, motion picture, | publisher:Tallinnfilm, | location:Tallinn, | date:4 May.")
        #expect(film.title == "Grey herons" && film.year == 1988)
        // Not when the entry prints its date elsewhere: then the year belongs to the title.
        let since = fields("author:Mari Tamm, | title:Herons on the Coast since 1992, Report No. 4, | publisher:Bird Institute, | date:2020.")
        #expect(since.title == "Herons on the Coast since 1992" && since.year == 2020)
        // Where a paper was presented is its container.
        let talk = fields("author:Tamm, M. | date:(2019, May). | title:Herons of the west coast. Paper presented at the Baltic Bird Meeting, | location:Riga.")
        #expect(talk.title == "Herons of the west coast")
        #expect(talk.containerTitle == "Paper presented at the Baltic Bird Meeting")
        // The same words inside the title, not after a mark that ends a part of it, stay.
        let kept = fields("author:T. Ilves. | title:A technical report on herons. | date:2004.")
        #expect(kept.title == "A technical report on herons")
    }

    @Test func aContributorAfterTheTitleIsNoPartOfIt() {
        let film = fields("title:Grey Herons. Dir. Mari Tamm. Perf. Jaan Kask. | publisher:Tallinnfilm, | date:1988.")
        #expect(film.title == "Grey Herons")
        let edited = fields("author:Kask, Jaan. | title:Letters from the Marsh. Edited by Mari Tamm. Tartu: Ilmamaa, | date:1999.")
        #expect(edited.title == "Letters from the Marsh")
        #expect(edited.editor.first?.family == "Tamm")
        #expect(edited.publisher == "Ilmamaa" && edited.publisherPlace == "Tartu")
    }

    @Test func aPublisherEndingTheTitleBeforeThePlaceIsThePublisher() {
        let f = fields("author:Kask, J. | title:Marsh birds of Estonia. Estonian Naturalists Society. | location:Tartu, | date:1975.")
        #expect(f.title == "Marsh birds of Estonia")
        #expect(f.publisher == "Estonian Naturalists Society")
        // A subtitle with no publisher's word stays title.
        let g = fields("author:Kask, J. | title:Marsh birds. A field guide. | location:Tartu, | date:1975.")
        #expect(g.title == "Marsh birds. A field guide")
    }

    @Test func aGenreOrEditionInParenthesesEndsTheTitle() {
        let report = fields("author:Tamm, M. | date:(2012). | title:Why herons matter (Policy Brief 2012-04). | location:Tartu: | publisher:Bird Institute.")
        #expect(report.title == "Why herons matter" && report.type == "report")
        let edition = fields("author:Tamm, M. | date:(2012). | title:Herons of Estonia (3. Ed.). | location:Tartu: | publisher:Ilmamaa.")
        #expect(edition.title == "Herons of Estonia")
        // A series named in parentheses stays in the title.
        let series = fields("author:Tamm, M. | date:(2012). | title:Herons of Estonia (Coastal Bird Report). | location:Tartu: | publisher:Ilmamaa.")
        #expect(series.title == "Herons of Estonia (Coastal Bird Report)")
    }

    @Test func aNumberedReportSentenceIsNoTitle() {
        let f = fields("author:Mari Tamm. | title:Heron Counts. Baltic Bird Institute Survey Report No. 12. | location:Tartu: | publisher:BBI, | date:1962.")
        #expect(f.title == "Heron Counts" && f.type == "report")
        // A series before the genre the model found is no title either.
        let g = fields("author:M. Tamm. | title:Heron counts. Centre for Coastal Birds | genre:Technical Report CCB-4, | date:1990.")
        #expect(g.title == "Heron counts")
        // A second sentence with neither stays.
        let h = fields("author:M. Tamm. | title:Heron counts. A report from the coast. | date:1990.")
        #expect(h.title == "Heron counts. A report from the coast")
    }

    @Test func aSeriesAfterTheTitleAndATeXQuotedTitleAreFound() {
        let series = fields("author:M. Tamm. | title:Herons and Their Circles. ser. Studies in Coastal Birds. | location:Tartu: | publisher:Ilmamaa, | date:2004.")
        #expect(series.title == "Herons and Their Circles")
        let tex = fields("author:M. Tamm, | title:``Herons at night,'' in Coastal Optics | editor:(J. Kask, eds.), | pages:pp. 8--9.")
        #expect(tex.title == "Herons at night" && tex.containerTitle == "Coastal Optics")
    }

    @Test func theImprintThatEndsATitleRunIsTheImprint() {
        let edition = fields("author:Tamm, M. | date:(2010). | title:Herons of the coast (5. | edition:Ed.). | location:Tartu: | publisher:Ilmamaa.")
        #expect(edition.title == "Herons of the coast")
        let state = fields("author:Tamm M: | title:On the Herons of the Coast Dover, | location:DE: | publisher:Bird Press | date:2005.")
        #expect(state.title == "On the Herons of the Coast" && state.publisherPlace == "Dover, DE")
        let publisher = fields("author:Tamm, M. | title:Heron counting. Bird House, | location:Tartu, | date:1968.")
        #expect(publisher.title == "Heron counting" && publisher.publisher == "Bird House")
        let crown = fields("author:Tamm, M. | date:1992. | title:Herons and the coast. Kestrel.")
        #expect(crown.title == "Herons and the coast" && crown.publisher == "Kestrel")
        // A numbered part ends a title, and an undated entry's last word is left alone.
        #expect(fields("author:Tamm, M. | date:1992. | title:Herons and the coast. II.").title == "Herons and the coast. II")
        #expect(fields("author:Tamm, M. | title:Herons and the coast. Kestrel. | date:1992.").title == "Herons and the coast. Kestrel")
    }

    @Test func aSubtitleReadAsAPlaceOrNamesIsMoreTitle() {
        let paren = fields("author:Kask, Jaan, | title:Herons: Grey, | location:Purple, and White | publisher:(Tartu: Ilmamaa, | date:1999).")
        #expect(paren.title == "Herons: Grey, Purple, and White")
        let names = fields("author:Kask, Jaan. | title:Herons: Studies | author:in Grey and White. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(names.title == "Herons: Studies in Grey and White")
        // A quotation closed at the run's end is the whole title.
        let quoted = fields("author:Kask, Jaan, | title:'Herons: Grey and White', | publisher:Kestrel UP | location:(Tartu).")
        #expect(quoted.title == "Herons: Grey and White" && quoted.publisher == "Kestrel UP")
        // A place after a title with no subtitle, or one that ends in a colon itself, stays the place.
        let place = fields("author:Kask, Jaan. | title:Herons: a Study. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(place.title == "Herons: a Study" && place.publisherPlace == "Tartu")
    }

    @Test func aVolumeBeforeThePagesOrWithASeasonIsFound() {
        let acs = fields("author:Moss, K. | title:Heron diets. | journal:Coastal Birds | date:2011, | pages:14, 201–219.")
        #expect(acs.volume == "14" && acs.page == "201-219")
        let season = fields("author:Moss, Kai. | title:“Heron Diets.” | journal:Coastal Birds | date:14 (winter 2011): | pages:201–19.")
        #expect(season.volume == "14")
    }
}

/// Where the title begins when the CRF read names as title or the title as names.
@Suite struct ReferenceTitleStartTests {
    func fields(_ spec: String) -> ReferenceFields { labelledFields(spec) }

    @Test func aLastFamilyNameReadAsTitleJoinsTheAuthors() {
        let one = fields("author:K. Moss and T. J. | title:Ilves. Heron counts on the coast. | journal:Bird Notes, | date:2004.")
        #expect(one.title == "Heron counts on the coast")
        #expect(one.author.map(\.family) == ["Moss", "Ilves"])
        let joined = fields("author:Kai Moss, | title:Tarmo Ilves, and Mari Tamm. Heron counts on the coast. | journal:Bird Notes, | date:2004.")
        #expect(joined.title == "Heron counts on the coast")
        #expect(joined.author.count == 3)
        // A title whose first sentence has words in lower case stays a title.
        let kept = fields("author:Moss, K., | title:Herons and gulls. A coastal count. | date:2004.")
        #expect(kept.title == "Herons and gulls. A coastal count")
    }

    @Test func aTitleReadAsNamesAfterInitialsOrAnEditorWordIsTheTitle() {
        let book = fields("author:Kask, J. M. Grey Herons. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(book.title == "Grey Herons")
        #expect(book.author.map(\.family) == ["Kask"])
        // The title's first words run into the names before the title the model found.
        let spill = fields("author:Kask, Jaan A. Herons, | title:gulls, and terns. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(spill.title == "Herons, gulls, and terns" && spill.author.map(\.family) == ["Kask"])
        let sentence = fields("author:Kask, Jaan. Herons, | title:gulls and terns. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(sentence.title == "Herons, gulls and terns")
        let family = fields("author:Kask, J. and M. Tamm, | title:Herons of the coast. | date:1999.")
        #expect(family.author.count == 2 && family.title == "Herons of the coast")
        let givenFirst = fields("author:J. M. | title:Kask, Herons and Gulls | location:(Tartu: | publisher:Ilmamaa, | date:1999).")
        #expect(givenFirst.title == "Herons and Gulls" && givenFirst.author.map(\.family) == ["Kask"])
        let names = fields("author:Kask, Jaan Aleksander. Herons, | title:gulls and terns. | location:Tartu: | publisher:Ilmamaa, | date:1999.")
        #expect(names.title == "Herons, gulls and terns")
        // A list that goes on after the initials with more names is left whole.
        let more = fields("author:Kask, J., M. Tamm, and T. Ilves. | title:Herons of the coast. | date:1999.")
        #expect(more.author.count == 3 && more.title == "Herons of the coast")
        // Initials and a comma go on with the list.
        let list = fields("author:Kask, J., Tamm, M., & Ilves, T. | date:(1999). | container:Grey herons. | location:Tartu.")
        #expect(list.author.count == 3)
        // An editor word that opens the run names the editor after it.
        let encyclopedia = fields("container:Encyclopedia of Herons, | editor:ed. J. M. Kask | location:(Tartu: | publisher:Ilmamaa, | date:2001).")
        #expect(encyclopedia.title == "Encyclopedia of Herons")
        let edited = fields("editor:Tamm, Mari (ed.), Letters from the Marsh, Jaan Kask (trans.) | location:(Tartu: | publisher:Ilmamaa, | date:1999).")
        #expect(edited.title == "Letters from the Marsh")
        #expect(edited.editor.first?.family == "Tamm")
    }
}
