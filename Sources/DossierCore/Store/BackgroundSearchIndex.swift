extension DossierStore {
    /// Builds the search index on another thread and hands it to `done` there, so that a shell
    /// can tell its own loop that the index is ready instead of waiting on the index's lock.
    public func buildSearchIndexInBackground(then done: @escaping @Sendable () -> Void) {
        let store = self
        Parallel.detach {
            _ = store.searchIndex
            done()
        }
    }
}
