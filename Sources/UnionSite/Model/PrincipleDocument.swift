/// A principle document such as "Core principles for educational development and
/// improvement professionals": each `##` section is one principle, numbered 1, 2, 3 …
public struct PrincipleDocument: Sendable, Hashable {
    public let item: ContentItem
    public let version: String?
    public let adopted: Day?
}
