import Testing

@testable import Corpus

/// One raw entry at a time, in each style the corpus mixes.
@Suite struct ReferenceParserTests {
    @Test func apaJournalArticle() {
        let f = ReferenceParser.parse(
            "Larson, D. W. and Shevchenko, A. (2010). \"Status Seekers; Chinese Russian Responses to U.S. Primacy\", *International Security*, 34(4), 63-95.")
        #expect(f.author == [.person("Larson", "D. W."), .person("Shevchenko", "A.")])
        #expect(f.year == 2010)
        #expect(f.title == "Status Seekers; Chinese Russian Responses to U.S. Primacy")
        #expect(f.containerTitle == "International Security")
        #expect(f.volume == "34" && f.issue == "4" && f.page == "63-95")
        #expect(f.type == "article-journal")
    }

    @Test func chapterWithEditorPlaceAndPublisher() {
        let f = ReferenceParser.parse(
            "- Bin, Y. (2009). \"Sino-Russian Relation in the 'post' Putin Era\" in Ron Huisken (ed.) *Rising China: Power and Reassurance* Canberra: The Australian National University.")
        #expect(f.type == "chapter")
        #expect(f.editor == [.person("Huisken", "Ron")])
        #expect(f.containerTitle == "Rising China: Power and Reassurance")
        #expect(f.publisherPlace == "Canberra")
        #expect(f.publisher == "The Australian National University")
    }

    @Test func chineseJournalArticle() {
        let f = ReferenceParser.parse("赵文文. 中俄关系进入新的历史发展时期. 《俄罗斯中亚东欧研究》2015 年第 5 期.")
        #expect(f.author == [.person("赵", "文文")])
        #expect(f.title == "中俄关系进入新的历史发展时期")
        #expect(f.containerTitle == "俄罗斯中亚东欧研究")
        #expect(f.year == 2015 && f.issue == "5")
        #expect(f.language == "zh")
    }

    @Test func uppercaseSurnameAndCommaYear() {
        let f = ReferenceParser.parse(
            "TIMOFEYEV O. A., 2014, Russian – Chinese Relations at the Present Stage and Prospects of Their Development. Bulletin of ASU, 64.")
        #expect(f.author == [.person("Timofeyev", "O. A.")])
        #expect(f.year == 2014)
        #expect(f.containerTitle == "Bulletin of ASU" && f.volume == "64")
    }

    @Test func cyrillicOriginalTitleAndAccessDateIsNotIssued() {
        let f = ReferenceParser.parse(
            "KUZNECOV S., China Russia: Union, Partnership or Symbiosis? (Китай Россия: Союз, Партнерство Или Симбиоз?) Date of access: 19.09.2018. <http://новости-россии.ru-an.info/новости/>")
        #expect(f.author == [.person("Kuznecov", "S.")])
        #expect(f.title == "China Russia: Union, Partnership or Symbiosis?")
        #expect(f.originalTitle == "Китай Россия: Союз, Партнерство Или Симбиоз?")
        #expect(f.language == "ru")
        #expect(f.year == nil)
        #expect(f.accessed == CSLDate(year: 2018, month: 9, day: 19))
        #expect(f.url == "http://новости-россии.ru-an.info/новости/")
    }

    @Test func organisationWithAccessDate() {
        let f = ReferenceParser.parse(
            "General Directorate of Customs of China, Date of access: 12.01.2018. <http://fangtan.customs.gov.cn/>")
        #expect(f.author == [.organisation("General Directorate of Customs of China")])
        #expect(f.accessed == CSLDate(year: 2018, month: 1, day: 12))
        #expect(f.year == nil)
        #expect(f.url == "http://fangtan.customs.gov.cn/")
    }

    @Test func markdownLinkGivesTheURL() {
        let f = ReferenceParser.parse(
            "Verbitz, M. (2006). \"Russian-Chinese Military Cooperation: Can a Bear Trust Dragon\", *Perspectives*, 16(3), available at [www.bu.edu/iscip](http://www.bu.edu/iscip).")
        #expect(f.url == "http://www.bu.edu/iscip")
        #expect(f.title == "Russian-Chinese Military Cooperation: Can a Bear Trust Dragon")
    }

    @Test func angleAddressAndItalicContainerAreTakenOut() {
        let f = ReferenceParser.parse(
            "Okafor, T. (2012). Harbour Trade after the Reform. *Coastal Economics Review*, 7(2), 11-29. <https://пример.org/okafor>")
        #expect(f.url == "https://пример.org/okafor")
        #expect(f.containerTitle == "Coastal Economics Review")
        #expect(f.title == "Harbour Trade after the Reform")
    }

    @Test func yearInsideATitleIsNotTheYear() {
        #expect(ReferenceParser.parse("The National Security of the Russian Federation until 2020\".").year == nil)
        let f = ReferenceParser.parse(
            "Joint Statement of China and Russia, 2004 Ministry of Foreign Affairs of the People's Republic of China.")
        #expect(f.year == 2004)
        #expect(f.title == "Joint Statement of China and Russia")
        #expect(f.type == "treaty")
    }

    @Test func doiIsExtracted() {
        let f = ReferenceParser.parse("Smith, J. (2019). \"A Title\", *Journal*, 2(1), 1-9. https://doi.org/10.31014/aior.1991.02.01.57")
        #expect(f.doi == "10.31014/aior.1991.02.01.57")
    }

    @Test func treatiesAndJointStatementsAreTypedSo() {
        for entry in [
            "Treaty of Good-Neighbourliness and Friendly Cooperation Between China and Russia, 2001.",
            "China-Russia joint statement on a multipolar world, 1997.",
            "JOINT DECLARATION of the Heads of State, 2004.",
        ] {
            #expect(ReferenceParser.parse(entry).type == "treaty", "\(entry)")
        }
        // Only the whole word: conventional forces are no convention.
        #expect(ReferenceParser.parse("Conventional Forces in the Far East, 2004.").type != "treaty")
    }

    @Test func anAtLeftDanglingWhereAnAddressWasTakenOutGoes() {
        #expect(ReferenceParser.droppingDanglingAt("Press release, published at .") == "Press release, published.")
        #expect(ReferenceParser.droppingDanglingAt("Embassy note at , Beijing, at") == "Embassy note, Beijing,")
        // An "at" with words after it, or inside a word, stays.
        for text in ["Talks at the Kremlin.", "That, at last, ended.", "Chat.", "at ."] {
            #expect(ReferenceParser.droppingDanglingAt(text) == text)
        }
        let f = ReferenceParser.parse("Ministry of Commerce (2019). Trade statistics, at https://example.org/trade.")
        #expect(f.url == "https://example.org/trade")
        #expect(f.title?.hasSuffix(" at") == false)
    }

    @Test func aBulletAndItsSpacesAreNoPartOfTheEntry() {
        #expect(ReferenceParser.droppingBullet("•  Lukin, A. (2018)") == "Lukin, A. (2018)")
        #expect(ReferenceParser.droppingBullet("- Lukin, A. (2018)") == "Lukin, A. (2018)")
        // A dash or an asterisk with no space after it opens the entry itself.
        for text in ["-Lukin", "*Title*, Publisher.", "Lukin - A."] {
            #expect(ReferenceParser.droppingBullet(text) == text)
        }
    }
}
