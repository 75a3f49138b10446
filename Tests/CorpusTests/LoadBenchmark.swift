import Foundation
import Testing

import Corpus

/// Measures loading and searching a corpus directory, only when
/// `CORPUS_BENCH_DIR` names one (bench/corpus/run.sh sets it, in release
/// mode). Prints one `BENCH` line; asserts nothing about time, which depends
/// on the machine.
@Suite struct LoadBenchmark {
    static let queries = [
        "gas pipeline", "strategic partnership", "\"strategic partnership\"", "Voskressenski", "TRUD", "赵文文",
        "vis-a-vis", "one belt one road", "84.07 billion", "nuclear energy cooperation", "military exercise 2005",
        "russia", "china russia", "Партнерство", "eastern route", "\"comprehensive strategic partnership\"",
        "Shanghai Cooperation Organisation", "Arctic", "e-commerce", "xylophone",
    ]

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CORPUS_BENCH_DIR"] != nil, "set CORPUS_BENCH_DIR to run"))
    func loadAndSearch() throws {
        guard let directory = ProcessInfo.processInfo.environment["CORPUS_BENCH_DIR"] else { return }
        let rssBefore = Self.residentMegabytes()
        let clock = ContinuousClock()
        var model: CorpusModel?
        let loadTime = try clock.measure {
            model = try CorpusLoader.load(directory: URL(fileURLWithPath: directory))
        }
        let loaded = try #require(model)
        let rssAfter = Self.residentMegabytes()
        // The index alone, built again from the loaded documents.
        let indexTime = clock.measure {
            _ = SearchIndex(
                documents: loaded.documents, events: loaded.events, indicators: loaded.observations,
                citations: loaded.references)
        }

        // Warm up, then time every query many times.
        for q in Self.queries { _ = loaded.search.search(q, types: nil, limit: 10, offset: 0) }
        // Wall time, and this thread's CPU time: on a shared machine the
        // second leaves out the time the thread waited for a core.
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        var hits = 0
        for _ in 0..<50 {
            for q in Self.queries {
                let cpu = Self.threadCPUMicroseconds()
                let t = clock.measure { hits &+= loaded.search.search(q, types: nil, limit: 10, offset: 0).total }
                cpuSamples.append(Self.threadCPUMicroseconds() - cpu)
                samples.append(Self.microseconds(t))
            }
        }
        if ProcessInfo.processInfo.environment["CORPUS_BENCH_VERBOSE"] != nil {
            for (n, q) in Self.queries.enumerated() {
                var mine = stride(from: n, to: samples.count, by: Self.queries.count).map { samples[$0] }
                var cpu = stride(from: n, to: cpuSamples.count, by: Self.queries.count).map { cpuSamples[$0] }
                mine.sort()
                cpu.sort()
                print(
                    "QUERY \(q): median_us=\(Int(mine[mine.count / 2])) max_us=\(Int(mine.last ?? 0))"
                        + " cpu_median_us=\(Int(cpu[cpu.count / 2])) cpu_max_us=\(Int(cpu.last ?? 0))")
            }
        }
        samples.sort()
        cpuSamples.sort()
        let p50 = samples[samples.count / 2]
        let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
        let cpuP50 = cpuSamples[cpuSamples.count / 2]
        let cpuP99 = cpuSamples[min(cpuSamples.count - 1, cpuSamples.count * 99 / 100)]
        let passages = loaded.documents.reduce(0) { $0 + $1.passages.count }
        print(
            "BENCH documents=\(loaded.documents.count) passages=\(passages) indexed=\(loaded.search.count)"
                + " load_ms=\(Int(Self.microseconds(loadTime) / 1000)) index_ms=\(Int(Self.microseconds(indexTime) / 1000))"
                + " rss_mb=\(rssAfter)"
                + " rss_growth_mb=\(rssAfter - rssBefore) search_p50_us=\(Int(p50)) search_p99_us=\(Int(p99))"
                + " search_max_us=\(Int(samples.last ?? 0)) search_cpu_p50_us=\(Int(cpuP50))"
                + " search_cpu_p99_us=\(Int(cpuP99)) hits=\(hits)")
    }

    static func threadCPUMicroseconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }

    static func microseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
    }

    /// VmRSS from /proc/self/status, in MB (0 where there is no /proc).
    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
