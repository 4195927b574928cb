import Foundation
import Testing
@testable import UnionSite

/// A fixture under `Fixtures/`, rendered in memory once per test run and shared by the
/// tests that only read its output.
enum FixtureSite {
    /// The invalid fixtures: each holds `expected-diagnostics.txt`.
    static var invalid: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.path)) ?? []
        return names.filter { $0.hasPrefix("invalid-") }.sorted()
    }

    static func options(_ name: String, drafts: Bool = false) throws -> Build.Options {
        let root = TestPaths.fixture(name)
        // The output is never written by `render`; it only has to be a safe place.
        return try buildOptions(root: root, output: FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-unused-output"), drafts: drafts)
    }

    static func render(_ name: String, drafts: Bool = false) -> Result<InMemorySite, Diagnostics> {
        do {
            let options = try options(name, drafts: drafts)
            return .success(try Build.render(options))
        } catch let error as Diagnostics {
            return .failure(error)
        } catch {
            return .failure(Diagnostics([.error("\(error)", at: nil)]))
        }
    }

    static let memberGuide = render("member-guide")
    static let memberGuideWithDrafts = render("member-guide", drafts: true)
    static let vacancies = render("vacancies-mixed")
}

extension Result where Failure == Diagnostics {
    /// The value, or a thrown error listing the diagnostics (so a broken fixture fails loudly).
    func site() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let diagnostics): throw FixtureBuildFailed(diagnostics: diagnostics.description)
        }
    }
}

struct FixtureBuildFailed: Error, CustomStringConvertible {
    let diagnostics: String
    var description: String { "fixture did not build:\n\(diagnostics)" }
}

extension InMemorySite {
    /// The text of a generated page, or a recorded issue and an error when it is missing.
    func page(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        try #require(text(path), "no \(path) in the output", sourceLocation: sourceLocation)
    }
}
