import Ccmark

/// What `unionsite --version` prints. The cmark version is the library's own answer at run
/// time, because the binary links the system's libcmark, whose version the build does not fix.
public enum Version {
    public static let unionsite = "0.18.0"

    public static var cmark: String { String(cString: cmark_version_string()) }

    /// `unionsite 0.18.0 (cmark 0.30.2)`.
    public static var description: String { "unionsite \(unionsite) (cmark \(cmark))" }
}
