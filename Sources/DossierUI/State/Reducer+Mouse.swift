import DossierCore

/// Clicks (with `--mouse`), hit-tested against the regions the last frame published.
extension AppState {
    mutating func click(row: Int, column: Int) {
        // the views that cover the panes take their own clicks: a citing record in the source
        // view is followed, and nothing under them is hit by accident
        if let box = regions.overlay, box.contains(row: row, column: column) {
            switch overlay {
            case .source(let index, _, let scroll)?:
                if let line = regions.overlayLinks.first(where: { $0.row == row }) {
                    overlay = .source(index: index, link: line.link, scroll: scroll)
                    followSourceLink()
                }
                return
            case .compare(let dimension, _, let scroll)?:
                if let spot = regions.overlayLinks.first(where: { $0.contains(row: row, column: column) }) {
                    overlay = .compare(dimension: dimension, link: spot.link, scroll: scroll)
                    followComparisonLink()
                }
            case .glossary?:
                clickGlossary(row: row)
                return
            case .caseMap?, .citation?:
                return
            default:
                break
            }
        }
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
