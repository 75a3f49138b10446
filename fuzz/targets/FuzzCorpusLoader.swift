// libFuzzer entry point for the corpus loader's JSON decoding. A small corpus
// (the opening of a real article, its metadata, one annotation file) lives in
// a temp directory; the first input byte picks which JSON file the rest of
// the input replaces (even: the document's metadata, odd: its annotations),
// then the directory is loaded. `load` throws only `CorpusLoadError` (typed
// throws), so the property is: it returns or throws, never traps, and a
// model it returns has at least one document and verbatim quotes.
import Corpus
import Foundation

private let directory: URL = {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("fuzz-corpus-loader-\(getpid())")
    try? FileManager.default.removeItem(at: dir)
    try! FileManager.default.createDirectory(
        at: dir.appendingPathComponent("annotations"), withIntermediateDirectories: true)
    let source = CorpusLoader.defaultCorpusDirectory.appendingPathComponent("000_77468d06b5afb097.txt")
    let text = try! String(contentsOf: source, encoding: .utf8)
    // About 4,000 characters, cut at a line end: enough for sections, passages,
    // dates and citations, small enough for hundreds of loads a second.
    var cut = text.index(text.startIndex, offsetBy: min(4000, text.count))
    if let newline = text[cut...].firstIndex(of: "\n") { cut = newline }
    try! String(text[..<cut]).write(to: dir.appendingPathComponent("doc.txt"), atomically: true, encoding: .utf8)
    atexit { try? FileManager.default.removeItem(at: directory) }
    return dir
}()

private let seedMetadata = #"{"id": "doc", "text": "doc.txt", "title": "T", "authors": [], "year": 2019, "language": "en"}"#
private let seedAnnotations = #"{"document": "doc", "events": [], "indicators": [], "citations": []}"#

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpusLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fuzzMetadata = data[0] & 1 == 0
    let metadataURL = directory.appendingPathComponent("doc.json")
    let annotationsURL = directory.appendingPathComponent("annotations/doc.json")
    try! (fuzzMetadata ? body : Data(seedMetadata.utf8)).write(to: metadataURL)
    try! (fuzzMetadata ? Data(seedAnnotations.utf8) : body).write(to: annotationsURL)
    do {
        let model = try CorpusLoader.load(directory: directory)
        precondition(!model.documents.isEmpty)
        for document in model.documents {
            for passage in document.passages {
                for sentence in passage.sentences.prefix(1) {
                    let p = document.provenance(passage: passage, sentence: sentence)
                    precondition(document.raw.slice(p.start..<p.end) == p.quote)
                }
            }
        }
    } catch {
        _ = error.description  // a CorpusLoadError, described without trapping
    }
    return 0
}
