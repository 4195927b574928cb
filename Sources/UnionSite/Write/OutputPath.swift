/// A path below the output folder that is sure to stay below it.
///
/// Slugs and ids are already restricted, but static file names and future generators are
/// not: this is the one gate every written file passes, refusing `..`, absolute paths,
/// backslashes, NUL bytes and empty components.
struct OutputPath: Hashable, Sendable {
    let value: String

    init?(_ path: String) {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        value = path
    }
}
