@testable import UnionSite
import Foundation

/// What reading one body costs, on one thread: the Link stage's read (`BodyReader.read`: the
/// parse with the guidance syntax, the facts' walk, the site's glossary matched, the body passes
/// and the slotted HTML), and the parse alone. Each body is read `iterations` times in a row,
/// `rounds` times over, and the fastest round counts: other work on the machine only ever adds
/// time, so the minimum is the figure that repeats. Thread CPU time, not wall time.
///
/// `--site ROOT` is the site whose glossary and theme words the reader takes; with
/// `--no-glossary` the bodies are read as pages with auto-linking off.
///
///     bodybench BODY.md [BODY.md …] --site ROOT [--no-glossary] [--rounds 40] [--iterations 200]
struct Options {
    var bodies: [String] = []
    var site = "."
    var glossary = true
    var rounds = 40
    var iterations = 200

    init(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--rounds": rounds = Int(rest.popFirst() ?? "") ?? rounds
            case "--iterations": iterations = Int(rest.popFirst() ?? "") ?? iterations
            case "--site": site = rest.popFirst() ?? site
            case "--no-glossary": glossary = false
            default: bodies.append(argument)
            }
        }
    }
}

func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func source(_ text: String) -> MarkdownSource {
    MarkdownSource(text: text, path: "content/articles/body.md", firstLine: 1)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let reader = BodyReader(try ModelBuilder.build(SourceLoader.load(SiteRoot(root: options.site))))

/// The Link stage's read of an article's body.
func read(_ text: String) -> Int {
    let article = LinkSources.Source(key: .item("articles/body.md"), contentPath: "articles/body.md", body: source(text),
                                     numbersPrinciples: false, autolink: options.glossary ? nil : false)
    return reader.read(article).html?.text.utf8.count ?? 0
}

func parse(_ text: String) -> Int {
    MarkdownDocument(source(text)).bytes.count
}

/// Microseconds per call of `work` on each text, the fastest round's. The texts take turns
/// round by round, so that a busy spell of the machine slows all of them alike, and rounds are
/// short, so that some of them fall in quiet spells.
func measure(_ texts: [String], _ options: Options, _ work: (String) -> Int) -> [Double] {
    var fastest = [Double](repeating: .infinity, count: texts.count)
    var total = 0
    for _ in 0..<options.rounds {
        for (index, text) in texts.enumerated() {
            let start = threadSeconds()
            for _ in 0..<options.iterations { total &+= work(text) }
            fastest[index] = min(fastest[index], (threadSeconds() - start) / Double(options.iterations) * 1e6)
        }
    }
    // Keeps the work from being optimised away.
    if total == 42 { print("") }
    return fastest
}

/// A file's Markdown body: its front matter, if any, left out.
func body(ofFile path: String) throws -> String {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
        return text
    }
    return String(text[end.upperBound...])
}

let texts = try options.bodies.map(body(ofFile:))
let readTimes = measure(texts, options, read), parseTimes = measure(texts, options, parse)
var results: [[String: Any]] = []
for (index, path) in options.bodies.enumerated() {
    print(String(format: "%@: read %.1f µs, parse %.1f µs", path, readTimes[index], parseTimes[index]))
    results.append(["body": path, "read_us": (readTimes[index] * 10).rounded() / 10, "parse_us": (parseTimes[index] * 10).rounded() / 10])
}
let json = try JSONSerialization.data(withJSONObject: ["rounds": options.rounds, "iterations": options.iterations,
                                                       "glossary_terms": options.glossary ? reader.glossary.count : 0, "bodies": results],
                                      options: [.prettyPrinted, .sortedKeys])
FileHandle.standardError.write(json)
FileHandle.standardError.write(Data("\n".utf8))
