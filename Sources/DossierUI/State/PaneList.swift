import DossierCore

/// One row of a pane's list: a group heading (a year, a role group, a case), a record, or —
/// when the timeline is zoomed out — a bucket of events.
public enum ListRow: Sendable, Hashable {
    case heading(Localized)
    case item(RecordRef)
    case bucket(Bucket)

    var isSelectable: Bool {
        if case .heading = self { return false }
        return true
    }
}

/// The rows of one pane, with where each selectable item sits. Built once per dossier.
public struct PaneList: Sendable {
    public let rows: [ListRow]
    /// Row index of each item, in order; selection indexes this array.
    public let itemRows: [Int]
    /// For each item, the index of its group (year, role group, case), for J/K.
    public let itemGroup: [Int]
    /// Where each record sits, so finding it is not a scan of a long list.
    private let itemOfRef: [RecordRef: Int]
    /// Events in the largest bucket (1 when there is none), which scales the buckets' bars:
    /// counted once, not on every frame (a scan of every row at 100k events).
    public let largestBucket: Int
    /// The widest bucket label in either language, so that zoomed-out labels are cut only where
    /// the row is full and their bars start on one column.
    public let widestBucketLabel: Int

    init(rows: [ListRow]) {
        self.rows = rows
        var itemRows: [Int] = [], itemGroup: [Int] = []
        var group = -1
        var largest = 1, widest = 0
        for (index, row) in rows.enumerated() {
            switch row {
            case .heading: group += 1
            case .bucket(let bucket):
                largest = max(largest, bucket.events.count)
                widest = max(widest, DisplayWidth.of(bucket.label.en), DisplayWidth.of(bucket.label.fr))
                fallthrough
            case .item:
                itemRows.append(index)
                itemGroup.append(max(group, 0))
            }
        }
        largestBucket = largest
        widestBucketLabel = widest
        self.itemRows = itemRows
        self.itemGroup = itemGroup
        var itemOfRef: [RecordRef: Int] = [:]
        itemOfRef.reserveCapacity(itemRows.count)
        for (item, row) in itemRows.enumerated() {
            if case .item(let ref) = rows[row] { itemOfRef[ref] = item }
        }
        self.itemOfRef = itemOfRef
    }

    public var count: Int { itemRows.count }

    public func ref(at item: Int) -> RecordRef? {
        guard item >= 0, item < itemRows.count, case .item(let ref) = rows[itemRows[item]] else { return nil }
        return ref
    }

    public func bucket(at item: Int) -> Bucket? {
        guard item >= 0, item < itemRows.count, case .bucket(let bucket) = rows[itemRows[item]] else { return nil }
        return bucket
    }

    public func item(of ref: RecordRef) -> Int? {
        itemOfRef[ref]
    }

    /// The item shown on a row of the list, if the row is not a heading.
    public func item(atRow row: Int) -> Int? {
        // itemRows is sorted: a binary search, since the views ask for every visible row
        var low = 0, high = itemRows.count
        while low < high {
            let middle = (low + high) / 2
            if itemRows[middle] < row { low = middle + 1 } else { high = middle }
        }
        return low < itemRows.count && itemRows[low] == row ? low : nil
    }

    /// The item showing an event: the event itself, or the bucket that holds it.
    public func item(holdingEvent index: Int) -> Int? {
        itemRows.firstIndex { row in
            switch rows[row] {
            case .item(let ref): return ref == .event(index)
            case .bucket(let bucket): return bucket.events.contains(index)
            case .heading: return false
            }
        }
    }

    /// The first event an item stands for (itself, or its bucket's first).
    public func firstEvent(at item: Int) -> Int? {
        if case .event(let i)? = ref(at: item) { return i }
        return bucket(at: item)?.events.first
    }
}
