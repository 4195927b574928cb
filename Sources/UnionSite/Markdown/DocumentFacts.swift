import Ccmark

/// What the Link stage needs to know about one Markdown body: its headings (with their ids)
/// and every link and image destination with its position in the file.
struct DocumentFacts: Sendable {
    struct Heading: Sendable, Hashable {
        let level: Int
        let text: String
        let id: String
        /// 1, 2, 3 … for the `##` sections of a principle document.
        let principleNumber: Int?
        let line: Int
    }

    struct Link: Sendable, Hashable {
        let destination: String
        let location: SourceLocation
        let isImage: Bool
        /// The visible text, for lint ("click here").
        let text: String
    }

    let headings: [Heading]
    let links: [Link]
    /// Body text outside headings, links and code: what the glossary matcher scans.
    let texts: TextRuns
    /// Where raw HTML blocks sit, which the safe renderer drops (lint reports them).
    let rawHTML: [SourceLocation]
    /// Problems in the guidance syntax (tables, alerts, footnotes, abbreviations, inline HTML).
    let problems: [Diagnostic]
    /// Ids the guidance markup adds (footnotes, table captions), without a page's prefix.
    let extraAnchors: Set<String>

    /// Ids the page templates put beside every body (the change history): no heading may take one.
    static let pageAnchors: Set<String> = [Routes.historyAnchor, Routes.historyAnchor + "-heading"]

    static func collect(_ document: MarkdownDocument, numberPrinciples: Bool) -> DocumentFacts {
        collectListingNodes(document, numberPrinciples: numberPrinciples).facts
    }

    /// `collect`, and the nodes the body passes work on, found in the walk the facts need
    /// anyway, so that no pass walks the body again: the body text nodes (the same nodes
    /// `BodyText` lists), the headings and the links and images, each in document order.
    static func collectListingNodes(_ document: MarkdownDocument, numberPrinciples: Bool) -> ListedNodes {
        // `principle-N` anchors sit beside the headings' own ids: no heading may take one.
        let extraAnchors = document.anchored.ids
        // The body's own ids first: a union into an empty set hashed each of them again.
        var reserved = extraAnchors.union(pageAnchors)
        if numberPrinciples { reserved.formUnion(principleAnchors(in: document)) }
        var allocator = HeadingID.Allocator(reserved: reserved)
        var headings: [Heading] = []
        var links: [Link?] = []
        var openLinks: [Int] = []
        var linkTexts = OpenLinkTexts(limit: 200)
        var rawHTML: [SourceLocation] = []
        var principle = 0
        var bodyText = BodyTextGatherer()
        var headingNodes: [MarkdownNode] = []
        var linkNodes: [MarkdownNode] = []
        var codeBlocks = false
        document.walkWithOrigin { event, origin in
            let node = event.node
            let type = node.type
            bodyText.take(event, type: type)
            switch type {
            case CMARK_NODE_HEADING where event.entering:
                headingNodes.append(node)
                let text = node.plainText
                let number = numberPrinciples && node.headingLevel == 2 ? { principle += 1; return principle }() : nil
                headings.append(Heading(level: node.headingLevel, text: text, id: allocator.id(for: text),
                                        principleNumber: number, line: origin.location(of: node).line))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // Kept in document order (outer before inner), filled in once the text is known.
                if event.entering {
                    linkNodes.append(node)
                    openLinks.append(links.count)
                    links.append(nil)
                    linkTexts.open()
                } else {
                    let text = linkTexts.close()
                    links[openLinks.removeLast()] = Link(destination: node.url,
                                                         location: LinkPosition.location(of: node, text: text, in: origin),
                                                         isImage: node.type == CMARK_NODE_IMAGE, text: text)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if !linkTexts.isEmpty { linkTexts.append(node.literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if !linkTexts.isEmpty { linkTexts.append(" ") }
            case CMARK_NODE_HTML_BLOCK where event.entering:
                rawHTML.append(origin.location(of: node))
            case CMARK_NODE_CODE_BLOCK: codeBlocks = true
            default: break
            }
        }
        document.walkedCodeBlocks = codeBlocks
        let textNodes = bodyText.nodes
        let facts = DocumentFacts(headings: headings, links: links.compactMap { $0 }, texts: TextRuns(literalsOf: textNodes),
                                  rawHTML: rawHTML, problems: document.problems, extraAnchors: extraAnchors)
        return ListedNodes(facts: facts, textNodes: textNodes, headingNodes: headingNodes, linkNodes: linkNodes)
    }

    /// What `collectListingNodes` gives.
    struct ListedNodes {
        let facts: DocumentFacts
        let textNodes: [MarkdownNode]
        let headingNodes: [MarkdownNode]
        let linkNodes: [MarkdownNode]
    }

    private static func principleAnchors(in document: MarkdownDocument) -> Set<String> {
        var count = 0
        document.walk { event in
            if event.entering, event.node.type == CMARK_NODE_HEADING, event.node.headingLevel == 2 { count += 1 }
        }
        return Set((0..<count).map { principleAnchor($0 + 1) })
    }

    /// The anchor for principle N: `principle-N`, beside the heading's own id.
    static func principleAnchor(_ number: Int) -> String { "principle-\(number)" }

    /// Every id a page built from this body carries.
    var anchors: Set<String> {
        Set(headings.map(\.id)).union(headings.compactMap { $0.principleNumber.map(Self.principleAnchor) }).union(extraAnchors)
    }
}
