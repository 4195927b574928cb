/// The work each stage does on one item — read a file, build an item, read a body, check its
/// links, render a page — as a value the stage is given, so that how that work is done is
/// the caller's choice while the stage keeps folding the results the one way.
///
/// `build` and `check` pass `DirectWork`, which simply computes. `serve` passes its
/// `BuildCache` (`Serve/Cache/`), which gives back what it computed last time for the same
/// inputs; a body edit (`Serve/BodyEdit.swift`) calls the same functions for the one body.
/// Each stage declares its part next to its code: `LoadWork`, `ModelWork`, `LinkWork`, `RenderWork`.
typealias StageWork = LoadWork & ModelWork & LinkWork & RenderWork

/// Every item computed, nothing kept: what `build` and `check` use, and the reference a
/// memoised `StageWork` must agree with byte for byte.
struct DirectWork: Sendable {}
