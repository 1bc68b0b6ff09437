import DossierCore

/// Clicks (with `--mouse`), hit-tested against the regions the last frame published.
extension AppState {
    mutating func click(row: Int, column: Int) {
        switch regions.target(row: row, column: column) {
        case .tab(let pane)?:
            focus(pane)
        case .listRow(let item)?:
            area = .list
            select(item)
        case .list?:
            area = .list
        case .link(let link)? where link < links.count:
            linkIndex = link
            follow()
        case .link?, .tabStrip?, .detail?, nil:
            break
        }
    }
}
