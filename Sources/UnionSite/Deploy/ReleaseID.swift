import Foundation

/// The name of one release folder: the UTC time of the deploy, `20261129T100900Z`, with
/// `-2`, `-3` … when a release of that second exists already. Names sort by time, then
/// by that number; anything else in `releases/` is not a release and is never touched.
public struct ReleaseID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let timestamp: String
    public let serial: Int

    public init?(_ name: String) {
        let parts = name.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let stamp = parts[0]
        let digits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard stamp.count == 16, stamp[stamp.index(stamp.startIndex, offsetBy: 8)] == "T", stamp.last == "Z",
              digits(stamp.prefix(8)), digits(stamp.dropFirst(9).prefix(6))
        else { return nil }
        var serial = 1
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 2, String(n) == parts[1] else { return nil }
            serial = n
        }
        self.timestamp = String(stamp)
        self.serial = serial
    }

    /// A new id for a deploy at `date` that sorts after every id in `existing`, so pruning the
    /// oldest releases can never take the name (or the place) of the new one: within one
    /// second, or when the clock is behind the newest release, the serial continues upwards
    /// rather than reusing a number a pruned release had.
    public static func next(at date: Date, existing: some Sequence<ReleaseID>) -> ReleaseID {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let stamp = formatter.string(from: date)
        guard let newest = existing.max(), newest.timestamp >= stamp else { return ReleaseID(stamp)! }
        return ReleaseID("\(newest.timestamp)-\(newest.serial + 1)")!
    }

    public var name: String { serial == 1 ? timestamp : "\(timestamp)-\(serial)" }
    public var description: String { name }

    public static func < (a: ReleaseID, b: ReleaseID) -> Bool { (a.timestamp, a.serial) < (b.timestamp, b.serial) }
}
