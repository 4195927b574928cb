import ArgumentParser
import Foundation
import UnionSite

/// The one place diagnostics are printed: `path:line:column: error: message` on standard
/// error (or one JSON object a line on standard output for `--format json`), sorted,
/// then a failing exit for errors.
struct DiagnosticPrinter {
    enum Format { case text, json }

    var format: Format = .text

    /// All lines in one write: a large site can have thousands of warnings.
    func print(_ diagnostics: [Diagnostic]) {
        var lines = ""
        for diagnostic in Diagnostics(diagnostics).sorted {
            lines += (format == .text ? diagnostic.description : Self.json(diagnostic)) + "\n"
        }
        guard !lines.isEmpty else { return }
        (format == .text ? FileHandle.standardError : FileHandle.standardOutput).write(Data(lines.utf8))
    }

    /// Runs `body`; on `Diagnostics` prints them all and exits with failure.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostics as Diagnostics {
            print(diagnostics.items)
            if format == .text {
                let count = diagnostics.errors.count
                FileHandle.standardError.write(Data("unionsite: \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
            }
            throw ExitCode.failure
        }
    }

    static func json(_ diagnostic: Diagnostic) -> String {
        var object: [String: Any] = ["severity": diagnostic.severity.rawValue, "code": diagnostic.code, "message": diagnostic.message]
        if let location = diagnostic.location {
            object["file"] = location.path
            object["line"] = location.line
            object["column"] = location.column
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - The text format, for commands without a --format option

    static func print(_ diagnostics: [Diagnostic]) { DiagnosticPrinter().print(diagnostics) }

    static func reporting<T>(_ body: () throws -> T) throws -> T { try DiagnosticPrinter().reporting(body) }
}
