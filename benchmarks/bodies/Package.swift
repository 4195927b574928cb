// swift-tools-version:6.0
// A benchmark of one body's read (parse with the guidance syntax, facts, passes, HTML) on one
// thread, for `scripts/bench-bodies`; not part of the unionsite package. It reaches the
// library's internal types through `@testable import`, so it is built with `-enable-testing`.
import PackageDescription

let package = Package(
    name: "bodybench",
    dependencies: [.package(name: "unionsite", path: "../..")],
    targets: [.executableTarget(name: "bodybench", dependencies: [.product(name: "UnionSite", package: "unionsite")])]
)
