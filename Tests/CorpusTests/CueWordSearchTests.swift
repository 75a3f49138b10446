import Testing

@testable import Corpus

/// The whole-word cue search the clause judgement reads, on sentences written for it.
@Suite struct CueWordSearchTests {
    let cues = Cue.list(["no", "failed to", "n't", "-free"])

    @Test func aCueIsFoundOnlyAsAWholeWord() {
        #expect(Cue.anyAsWord(cues, in: "the council signed no contract."))
        #expect(Cue.anyAsWord(cues, in: "the council failed to sign."))
        #expect(!Cue.anyAsWord(cues, in: "the council took note of the nobel laureate."))
        #expect(!Cue.anyAsWord(cues, in: "the council unfailed tonight."))
    }

    @Test func aCueStartingWithAMarkIsFoundInsideAWord() {
        #expect(Cue.anyAsWord(cues, in: "the port is ice-free."))
        #expect(!Cue.anyAsWord(cues, in: "the port is ice-freezing."))
    }

    @Test func anExceptionStartingAtTheMatchHidesIt() {
        #expect(!Cue.anyAsWord(cues, in: "no doubt the council signed.", except: Cue.list(["no doubt"])))
        #expect(Cue.anyAsWord(cues, in: "no doubt the council signed no deal.", except: Cue.list(["no doubt"])))
    }
}
