// Standalone: swift-foundation leaks 4 KiB per Data(contentsOf:) of an empty file.
//   : > /tmp/empty; swiftc -sanitize=address -g scripts/reliability/empty-file-leak-repro.swift -o /tmp/l
//   ASAN_OPTIONS=detect_leaks=1 /tmp/l /tmp/empty   # "Direct leak of 12288 byte(s) in 3 object(s) ... readBytesFromFile"
import Foundation
let url = URL(fileURLWithPath: CommandLine.arguments[1])
for _ in 0..<3 { _ = try? Data(contentsOf: url) }
print("read")
