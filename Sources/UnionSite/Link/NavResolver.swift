/// Resolves `site.yaml`'s `nav` entries like body links, with errors at the `site.yaml` line.
enum NavResolver {
    static func resolve(_ settings: SiteSettings, checker: LinkChecker, problems: inout Diagnostics) -> [NavLink] {
        settings.nav.compactMap { entry in
            switch checker.resolve(entry.link, from: nil, contentPath: nil) {
            case .failure(.message(let message, let code)):
                problems.append(.error("nav: \(message)", at: entry.location, code: code))
                return nil
            case .success(.external):
                return NavLink(title: entry.title, href: entry.link, path: nil)
            case .success(.unsafe):
                problems.append(.error("nav: link with an unsafe URL", at: entry.location, code: "link-unsafe"))
                return nil
            case .success(let target):
                let path: SitePath? = switch target {
                case .page(_, let p, _), .section(let p, _): p
                default: nil
                }
                return NavLink(title: entry.title, href: checker.href(for: target), path: path)
            }
        }
    }
}
