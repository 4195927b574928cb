import Foundation
import PropertyBased
import Testing
@testable import UnionSite

/// Shared machinery of the fuzz suites (docs/fuzzing.md).
///
/// Each property runs a modest number of random inputs by default, so the fuzz suites add
/// only seconds to `swift test`. With `UNIONSITE_FUZZ_SECONDS=N` in the environment each
/// property keeps generating fresh inputs (new seeds every round) for N seconds instead, and
/// prints how many it tried. A watchdog turns a hang into a crash that names the input.
enum Fuzz {
    /// `UNIONSITE_FUZZ_SECONDS`, when set to a positive number.
    static let seconds: Double? = ProcessInfo.processInfo.environment["UNIONSITE_FUZZ_SECONDS"]
        .flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }

    /// `Fixtures/fuzz-corpus/`: hand-made nasty inputs, one folder per target.
    static let corpusFolder = TestPaths.fixtures.appendingPathComponent("fuzz-corpus")

    /// The corpus files of a target, by name, as UTF-8 text (invalid bytes replaced).
    static func corpus(_ target: String) -> [(name: String, text: String)] {
        let folder = corpusFolder.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, String(decoding: $0, as: UTF8.self)) }
        }
    }

    /// One corpus line per input, with `\n`, `\r`, `\t`, `\0`, `\\` and `\u{…}` escapes, for
    /// inputs that are themselves one line (link destinations). `#` lines are comments.
    static func corpusLines(_ target: String) -> [String] {
        corpus(target).flatMap { $0.text.split(separator: "\n", omittingEmptySubsequences: false) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { unescape(String($0)) }
    }

    static func unescape(_ line: String) -> String {
        var out = ""
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let next = scalars.next() else { out.unicodeScalars.append(scalar); continue }
            switch next {
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "0": out += "\u{0}"
            case "u":
                var hex = ""
                _ = scalars.next()  // {
                while let h = scalars.next(), h != "}" { hex.unicodeScalars.append(h) }
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) { out.unicodeScalars.append(decoded) }
            default: out.unicodeScalars.append(next)
            }
        }
        return out
    }

    // MARK: - Line counting

    /// Line breaks as CommonMark (and so cmark's line numbers) counts them: LF, CR, CRLF.
    static func lineBreaks<S: StringProtocol>(in text: S) -> Int {
        var count = 0
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if !afterCR { count += 1 }; afterCR = false
            case "\r": count += 1; afterCR = true
            default: afterCR = false
            }
        }
        return count
    }

    /// The most lines any reader could see: every Unicode line break (CRLF as one), so also
    /// YAML's NEL, LS and PS and Swift's `isNewline` VT and FF.
    static func maxLines<S: StringProtocol>(in text: S) -> Int {
        var count = 1
        var afterCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": if !afterCR { count += 1 }; afterCR = false
            case "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": count += 1; afterCR = scalar == "\r"
            default: afterCR = false
            }
        }
        return count
    }

    // MARK: - Running

    /// Above this a single input is "slow" (an expectation fails, naming it).
    static let slowInput: Duration = .seconds(5)
    /// Above this a single input is a hang: the watchdog prints it and aborts the process.
    static let hangInput: Duration = .seconds(120)
}

/// Runs `body` on random inputs from `input`: `count` of them, or, with
/// `UNIONSITE_FUZZ_SECONDS=N`, rounds of `count` fresh ones until N seconds have passed (the
/// first failing round ends the loop). Each input must also finish within `slow`.
func fuzz<InputValue, ResultValue>(
    count: Int,
    input: Generator<ResultValue, some Sequence<InputValue>>,
    slow: Duration = Fuzz.slowInput,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    perform body: @escaping (ResultValue) throws -> Void
) async {
    let stats = FuzzStats()
    let clock = ContinuousClock()
    let started = clock.now
    let deadline = Fuzz.seconds.map { started + .milliseconds(Int($0 * 1000)) }
    nonisolated(unsafe) let body = body
    repeat {
        let failures = FuzzStats()
        let handler = IssueHandlingTrait.compactMapIssues { issue in
            failures.add()
            return issue
        }
        try? await handler.provideScope(for: Test.current!, testCase: Test.Case.current) {
            await propertyCheck(count: count, input: input, perform: { value in
                stats.add()
                let began = clock.now
                try FuzzWatchdog.shared.watch(value) { try body(value) }
                let took = clock.now - began
                #expect(took < slow, "input took \(took) (over \(slow)): \(Fuzz.describe(value))", sourceLocation: sourceLocation)
            }, sourceLocation: sourceLocation)
        }
        if failures.value > 0 { break }
    } while deadline.map { clock.now < $0 } ?? false
    if Fuzz.seconds != nil {
        let name = Test.current.map { "\($0.id.nameComponents.suffix(2).joined(separator: "/"))" } ?? "?"
        print("fuzz: \(name): \(stats.value) inputs in \(clock.now - started)")
    }
}

extension Fuzz {
    /// An input as a Swift literal, every scalar outside printable ASCII escaped (`\u{2028}`),
    /// so a reproduction can be pasted into a test; cut short when huge.
    static func describe(_ value: Any) -> String {
        var text = ""
        for scalar in String(reflecting: value).unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F { text.unicodeScalars.append(scalar) }
            else { text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
        }
        return text.count > 600 ? String(text.prefix(600)) + "… (\(text.count) characters)" : text
    }
}

/// A thread-safe counter.
final class FuzzStats: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// Aborts the test process when one input runs longer than `Fuzz.hangInput`, after writing
/// the input to standard error and to a file, so a hang is a reproducible crash, not a CI
/// run that never ends.
final class FuzzWatchdog: @unchecked Sendable {
    static let shared = FuzzWatchdog()

    private let lock = NSLock()
    private var running: [Int: (started: ContinuousClock.Instant, input: Any, test: String)] = [:]
    private var nextID = 0

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                check()
            }
        }
        thread.name = "fuzz-watchdog"
        thread.start()
    }

    func watch<T>(_ input: Any, _ body: () throws -> T) rethrows -> T {
        let test = Test.current.map { "\($0.name)" } ?? "?"
        let id = lock.withLock {
            nextID += 1
            running[nextID] = (ContinuousClock.now, input, test)
            return nextID
        }
        defer { _ = lock.withLock { running.removeValue(forKey: id) } }
        return try body()
    }

    private func check() {
        let now = ContinuousClock.now
        let hung = lock.withLock { running.values.first { now - $0.started > Fuzz.hangInput } }
        guard let hung else { return }
        let full = String(reflecting: hung.input)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-fuzz-hang-\(getpid()).txt")
        try? Data(full.utf8).write(to: file)
        FileHandle.standardError.write(Data("""
            fuzz: HANG in \(hung.test): one input ran over \(Fuzz.hangInput); the input (in full in \(file.path)):
            \(Fuzz.describe(hung.input))

            """.utf8))
        abort()
    }
}

// MARK: - Generators

enum FuzzGen {
    /// Strings made by joining `length` tokens picked from `tokens` (repeat a token to weight
    /// it). Shrinks by dropping tokens.
    static func soup(_ tokens: [String], length: ClosedRange<Int>) -> Generator<String, AnySequence<[String?]>> {
        Gen<String?>.element(of: tokens).map { $0! }.array(of: length).map { $0.joined() }.eraseToAnySequence()
    }

    /// An arbitrary token list: `soup`'s input before joining, for generators that post-process.
    static func tokens(_ tokens: [String], length: ClosedRange<Int>) -> Generator<[String], AnySequence<[String?]>> {
        Gen<String?>.element(of: tokens).map { $0! }.array(of: length).eraseToAnySequence()
    }

    /// Line breaks of every kind a file may hold.
    static let newlines = ["\n", "\n", "\n", "\r\n", "\r\n", "\r"]

    /// Awkward single characters: BOM, combining marks, emoji, right-to-left, line and
    /// paragraph separators, NEL, VT, FF, NUL, a lone surrogate's replacement.
    static let oddCharacters = ["\u{FEFF}", "\u{301}", "e\u{301}", "é", "ŵ", "👩‍👩‍👧", "🇬🇧", "\u{200B}", "\u{202E}", "\u{2028}", "\u{2029}",
                                "\u{85}", "\u{0B}", "\u{0C}", "\u{0}", "\u{FFFD}", "\u{A0}", "ß", "İ", "Σ", "日本"]
}
