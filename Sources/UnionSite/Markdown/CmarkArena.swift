import Ccmark
import Foundation

/// A bump allocator for cmark, one per thread, emptied whenever the thread's last open
/// document goes away.
///
/// Why: the profile showed two thirds of every cmark parse in `malloc`, and freeing a tree
/// node by node cost as much again; each body is parsed twice (Link and Render), on both
/// cores. Here a node costs a pointer bump, and a whole tree is dropped by resetting one
/// offset. cmark's `cmark_mem` hooks carry no context, so they find the arena through a
/// thread-local: a `MarkdownDocument` is not `Sendable`, so it is made, used and released
/// on one thread, inside one synchronous call.
final class CmarkArena {
    /// The hooks every document's parser and nodes use.
    nonisolated(unsafe) static let mem: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(
            calloc: { count, size in
                let (total, overflow) = count.multipliedReportingOverflow(by: size)
                return overflow ? nil : CmarkArena.withCurrent { $0.allocate(total, zeroed: true) }
            },
            realloc: { pointer, size in CmarkArena.withCurrent { $0.reallocate(pointer, to: size) } },
            free: { _ in }))
        return mem
    }()

    /// The calling thread's arena, made on first use and released when the thread ends.
    static var current: CmarkArena {
        let slot = unionsite_current_arena()!
        if let raw = slot.pointee { return Unmanaged<CmarkArena>.fromOpaque(raw).takeUnretainedValue() }
        let arena = CmarkArena()
        let retained = Unmanaged.passRetained(arena).toOpaque()
        // The key's destructor releases it when the thread ends; the thread-local slot (the
        // shim's) is what every allocation reads.
        pthread_setspecific(key, retained)
        slot.pointee = retained
        return arena
    }

    /// The calling thread's arena, lent without a retain: cmark allocates for every node and
    /// buffer, and a retain and release of the arena around each was 1 % of a build.
    static func withCurrent<R>(_ body: (CmarkArena) -> R) -> R {
        guard let raw = unionsite_current_arena()!.pointee else { return body(current) }
        return Unmanaged<CmarkArena>.fromOpaque(raw)._withUnsafeGuaranteedRef(body)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { raw in
            unionsite_current_arena()!.pointee = nil
            if let raw { Unmanaged<CmarkArena>.fromOpaque(raw).release() }
        }
        return key
    }()

    /// Each allocation is preceded by its size (for `realloc`), and 16-byte aligned.
    private static let header = 16
    private static let blockSize = 1 << 19

    /// The block kept between documents; `block` is the one being filled.
    private let home: UnsafeMutableRawPointer
    private var block: UnsafeMutableRawPointer
    private var capacity = blockSize
    private var offset = 0
    /// Blocks beyond `home` that this document set needed, freed at the reset.
    private var extra: [UnsafeMutableRawPointer] = []
    /// The latest allocation, which `realloc` can grow in place (cmark's buffers grow so).
    private var last: UnsafeMutableRawPointer?
    /// Documents made on this thread and not yet released.
    private var open = 0

    private init() {
        home = malloc(Self.blockSize)!
        block = home
    }

    deinit {
        reset()
        free(home)
    }

    /// A document starts using the arena.
    func retainDocument() { open += 1 }

    /// A document is done; with none left, everything allocated is dropped at once.
    func releaseDocument() {
        open -= 1
        if open == 0 { reset() }
    }

    private func reset() {
        for block in extra { free(block) }
        extra.removeAll(keepingCapacity: true)
        block = home
        capacity = Self.blockSize
        offset = 0
        last = nil
    }

    fileprivate func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let needed = Self.header + (size + 15) & ~15
        if offset + needed > capacity {
            guard let fresh = malloc(max(Self.blockSize, needed)) else { return nil }
            extra.append(fresh)
            block = fresh
            capacity = max(Self.blockSize, needed)
            offset = 0
        }
        let start = block + offset
        start.storeBytes(of: size, as: Int.self)
        offset += needed
        let payload = start + Self.header
        if zeroed { memset(payload, 0, size) }
        last = payload
        return payload
    }

    fileprivate func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size, zeroed: false) }
        let start = pointer - Self.header
        let oldSize = start.load(as: Int.self)
        if pointer == last {
            let position = start - block
            let needed = Self.header + (size + 15) & ~15
            if position + needed <= capacity {
                start.storeBytes(of: size, as: Int.self)
                offset = position + needed
                return pointer
            }
        }
        guard let moved = allocate(size, zeroed: false) else { return nil }
        memcpy(moved, pointer, min(oldSize, size))
        return moved
    }
}
