import Synchronization

/// Values drawn once and copied in afterwards, kept by the renderer between frames: the store never
/// changes, so a value stays right for as long as everything it depends on is in its key. Full,
/// it is emptied rather than trimmed: each value is quick to draw again, and emptying needs no
/// bookkeeping on the key path.
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let capacity: Int
    private let values = Mutex<[Key: Value]>([:])

    init(capacity: Int) { self.capacity = capacity }

    /// The value kept for `key`, or the one `make` draws (outside the lock), kept from now on.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let cached = values.withLock({ $0[key] }) { return cached }
        let value = make()
        values.withLock { values in
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
