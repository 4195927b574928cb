import ArgumentParser
import Foundation
import UnionSite

/// The one place diagnostics are printed: `path:line:column: error: message` on standard
/// error, sorted, then a failing exit for errors.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in Diagnostics(diagnostics).sorted {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    /// Runs `body`; on `Diagnostics` prints them all and exits with failure.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostics as Diagnostics {
            print(diagnostics.items)
            let count = diagnostics.errors.count
            FileHandle.standardError.write(Data("unionsite: \(count) error\(count == 1 ? "" : "s"); nothing was written\n".utf8))
            throw ExitCode.failure
        }
    }
}
