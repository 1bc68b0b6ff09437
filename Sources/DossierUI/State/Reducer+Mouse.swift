import DossierCore

/// Clicks (with `--mouse`), already hit-tested by the shell against the frame on screen.
extension AppState {
    mutating func click(_ target: Regions.Target?) {
        switch target {
        case .overlay(let link)?:
            // the views that cover the panes take their own clicks: a citing record in the source
            // view, a record in the comparison, a term or a link in the glossary is followed
            guard let link else { return }
            switch overlay {
            case .source(let index, _, let scroll)?:
                overlay = .source(index: index, link: link, scroll: scroll)
                followSourceLink()
            case .compare(let dimension, _, let scroll)?:
                overlay = .compare(dimension: dimension, link: link, scroll: scroll)
                followComparisonLink()
            case .glossary?:
                clickGlossary(link: link)
            default:
                break
            }
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
