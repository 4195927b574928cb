import Foundation

/// Milliseconds per pipeline stage, printed to standard error when `UNIONSITE_TIMINGS=1`.
///
/// Speed is measured by benchmarks (`make bench`, `scripts/bench-serve`); this tells them, and
/// anyone profiling, which stage a build or a `serve` rebuild spent its time in.
struct StageTimer {
    static let enabled = ProcessInfo.processInfo.environment["UNIONSITE_TIMINGS"] == "1"

    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []
    /// What is timed ("timings (ms)" for the stages, a stage's name for its steps).
    let name: String

    init(_ name: String = "timings") { self.name = name }

    /// Ends the stage that was running and names it.
    mutating func lap(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6))
        last = now
    }

    func report() {
        guard Self.enabled else { return }
        let parts = laps.map { "\($0.0) \(String(format: "%.1f", $0.1))" }
        FileHandle.standardError.write(Data((name + " (ms): " + parts.joined(separator: ", ") + "\n").utf8))
    }
}
