/// Warnings for keys no reader asked for, so that no value is dropped or misread in silence.
///
/// Where unknown keys have a use (front matter and `site.yaml` hand them to templates as
/// `params`), only the likely mistakes are reported; where they have none (`organisation`,
/// a `nav` item, `lint`, a glossary term, a vacancy), every one is.
extension FieldReader {
    /// For a mapping whose other keys reach templates as `params` (`page.params`, `site.params`).
    mutating func warnMistakenKeys(defined: [String], otherKinds: [String: String] = [:], unsupported: [String], params: String,
                                   noun: String) {
        for entry in unused {
            let key = entry.key
            if key.isEmpty {
                warn("a key must be a name: this value is ignored", at: entry.keyLocation, code: "unknown-key")
            } else if unsupported.contains(key) {
                warn("`\(key)` is not supported by this version of unionsite: it is handed to templates as `\(params).\(key)`",
                     at: entry.keyLocation, code: "unsupported-key")
            } else if let owners = otherKinds[key] {
                warn("`\(key)` is a key of \(owners), not of \(noun)s: it is handed to templates as `\(params).\(key)`",
                     at: entry.keyLocation, code: "unknown-key")
            } else if let suggestion = EditDistance.suggestion(for: key, among: defined) {
                warn("unknown key `\(key)`: did you mean `\(suggestion)`?", at: entry.keyLocation, code: "unknown-key")
            }
        }
    }

    /// For a mapping whose other keys go nowhere: each is ignored, so each is reported.
    /// - Parameter what: how a key is named in the message: "`organisation` key", "vacancy field".
    mutating func warnIgnoredKeys(defined: [String], what: String, code: String = "unknown-key") {
        for entry in unused where !defined.contains(entry.key) {
            let hint = EditDistance.suggestion(for: entry.key, among: defined).map { ": did you mean `\($0)`?" } ?? ""
            let name = entry.key.isEmpty ? "a \(what) that is not a name" : "unknown \(what) `\(entry.key)`"
            warn("\(name) is ignored\(hint)", at: entry.keyLocation, code: code)
        }
    }
}
