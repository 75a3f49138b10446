// libFuzzer entry point for `PartialDate.parse`: any string either parses or
// throws `ParseError`; a parsed date prints back as ISO text that parses to
// the same value (the API echoes dates, and `DateWindow` compares them).
import Corpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartialDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let string = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let date = try? PartialDate.parse(string) else { return 0 }
    let again = try? PartialDate.parse(date.iso)
    precondition(again == date, "\(string.debugDescription) → \(date.iso) does not round-trip")
    if let month = date.month { precondition((1...12).contains(month), "month \(month)") }
    if let day = date.day { precondition((1...31).contains(day) && date.month != nil, "day \(day)") }
    return 0
}
