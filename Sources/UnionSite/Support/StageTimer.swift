import Foundation

/// Milliseconds per pipeline stage, printed to standard error when `UNIONSITE_TIMINGS=1`:
/// wall time, then the process's CPU time in the same span (`wall/cpu`), so a step that
/// keeps only one of the cores busy shows as CPU close to wall.
///
/// Speed is measured by benchmarks (`make bench`, `scripts/bench-serve`); this tells them, and
/// anyone profiling, which stage a build or a `serve` rebuild spent its time in.
struct StageTimer {
    static let enabled = ProcessInfo.processInfo.environment["UNIONSITE_TIMINGS"] == "1"

    private var last = DispatchTime.now()
    private var lastCPU = Self.cpuMilliseconds()
    private var laps: [(String, Double, Double, Int)] = []
    /// What is timed ("timings (ms)" for the stages, a stage's name for its steps).
    let name: String

    init(_ name: String = "timings") { self.name = name }

    /// Ends the stage that was running and names it.
    mutating func lap(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now()
        let cpu = Self.cpuMilliseconds()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6, cpu - lastCPU, Self.residentMiB()))
        last = now
        lastCPU = cpu
    }

    /// User and system time of the whole process so far.
    private static func cpuMilliseconds() -> Double {
        guard enabled else { return 0 }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let time = { (t: timeval) in Double(t.tv_sec) * 1e3 + Double(t.tv_usec) / 1e3 }
        return time(usage.ru_utime) + time(usage.ru_stime)
    }

    /// The process's peak resident memory so far, in MiB: which stage sets the peak.
    private static func residentMiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }

    func report() {
        guard Self.enabled else { return }
        let parts = laps.map { "\($0.0) \(String(format: "%.0f/%.0f", $0.1, $0.2)) [\($0.3) MiB]" }
        FileHandle.standardError.write(Data((name + " (ms wall/cpu [peak resident so far]): " + parts.joined(separator: ", ") + "\n").utf8))
    }
}
