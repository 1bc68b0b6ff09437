@preconcurrency import CNcursesw
import DossierCore
import DossierUI

#if canImport(Glibc)
import Glibc
#endif

extension Terminal {
    /// Waits for a key, without a time-out: what ncurses holds already comes first; otherwise it
    /// blocks until standard input has something or the wake pipe is written (a signal, the search
    /// index). Nil when woken without a key; `.unknown` for what we do not use.
    public func readKey() -> Key? {
        let screen = dossier_stdscr()
        var value: wint_t = 0
        // put-back keys, the rest of a burst, a resize ncurses has noted
        wtimeout(screen, 0)
        var result = Terminal.nextCharacter(screen, &value)
        if result == ERR {
            var fds = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, wakeRead >= 0 ? 2 : 1, -1)
            if wakeRead >= 0, fds[1].revents != 0 { Terminal.drainWakePipe() }
            let input = ready > 0 && fds[0].revents != 0
            // woken without input (a signal, the index): only a resize ncurses noted is read
            wtimeout(screen, input ? 100 : 0)
            let start = Terminal.milliseconds()
            result = Terminal.nextCharacter(screen, &value)
            if result == ERR {
                if input {
                    // input ready yet ERR at once, again and again: standard input is gone (a
                    // hang-up); stop rather than spin
                    immediateErrors = Terminal.milliseconds() - start < 5 ? immediateErrors + 1 : 0
                    if immediateErrors > 50 { pendingSignal = SIGHUP }
                }
                return nil
            }
        }
        immediateErrors = 0
        if result == KEY_CODE_YES {
            // the terminal may have reflowed or cleared the screen: the next frame repaints it
            if Int32(value) == KEY_RESIZE { writer.invalidate() }
            return Terminal.key(code: Int32(value))
        }
        if unfinishedReply != nil { return continueReply(UInt32(value)) }
        if value == 27, dropTerminalReply() { return .unknown }
        return Terminal.key(character: UInt32(value))
    }

    /// A character that came after the start of a reply whose end had not come yet: it is part
    /// of the reply, however late, until the reply ends (then dropped whole, the rest put back)
    /// or grows past any reply's length (then dropped too).
    private func continueReply(_ scalar: UInt32) -> Key {
        var after = unfinishedReply ?? []
        after.append(scalar)
        switch TerminalReplies.scan(after) {
        case .sequence(let length):
            unfinishedReply = nil
            putBack(after[length...], [])
        case .incomplete:
            unfinishedReply = after.count < Terminal.longestReply ? after : nil
        case .notASequence:
            unfinishedReply = nil
        }
        return .unknown
    }

    /// After an ESC that ncurses did not match to a key: when what follows is a control sequence
    /// (a cursor report, an OSC answer, device attributes, a key ncurses does not know), reads it
    /// whole and drops it, so none of its characters become keys (its digits a count); true then.
    /// Otherwise puts back what it read (ESC was the Escape key, or Alt with a key) and says false.
    func dropTerminalReply() -> Bool {
        let screen = dossier_stdscr()
        var after: [UInt32] = []
        var specials: [Int32] = []
        wtimeout(screen, 0)
        while after.count < Terminal.longestReply {
            var next: wint_t = 0
            let result = Terminal.nextCharacter(screen, &next)
            if result == ERR {
                // a reply may still be arriving: wait a little once it has begun
                guard case .incomplete = TerminalReplies.scan(after), !after.isEmpty else { break }
                wtimeout(screen, 30)
                let retry = Terminal.nextCharacter(screen, &next)
                wtimeout(screen, 0)
                if retry == ERR { break }
                if retry == KEY_CODE_YES { specials.append(Int32(next)); break }
            } else if result == KEY_CODE_YES {
                specials.append(Int32(next))
                break
            }
            after.append(UInt32(next))
            switch TerminalReplies.scan(after) {
            case .sequence(let length):
                // anything read past the sequence goes back
                putBack(after[length...], specials)
                return true
            case .incomplete: continue
            case .notASequence:
                putBack(after[...], specials)
                return false
            }
        }
        if case .incomplete = TerminalReplies.scan(after), !after.isEmpty {
            putBack([], specials)
            // the start of a reply whose end has not come yet: what comes next continues it
            unfinishedReply = after
            return true
        }
        putBack(after[...], specials)
        return false
    }

    /// `wget_wch`, with ncurses's window marked untouched first: it refreshes a touched window
    /// before it reads (after a resize it would paint its own blank window over our frame).
    static func nextCharacter(_ screen: UnsafeMutablePointer<WINDOW>?, _ value: inout wint_t) -> Int32 {
        untouchwin(screen)
        return wget_wch(screen, &value)
    }

    /// ncurses reads back what is put back last first: the keys read last go back first.
    func putBack(_ scalars: ArraySlice<UInt32>, _ specials: [Int32]) {
        for code in specials.reversed() { ungetch(code) }
        for scalar in scalars.reversed() { unget_wch(wchar_t(bitPattern: scalar)) }
    }

    /// Ends a wait in `readEvent` from any thread (the search index is built).
    public var wakeUp: @Sendable () -> Void { { wakeKeyLoop() } }

    /// Empties the wake pipe (its bytes only say "look again").
    static func drainWakePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }

    /// A key, or news that the process was continued after a stop.
    public func readEvent() -> TerminalEvent? {
        if pendingResume {
            pendingResume = false
            // ncurses re-entered the program mode but sends the keypad mode only at the next
            // read: send it now, before the repaint
            keypad(dossier_stdscr(), true)
            writer.invalidate()
            return .resumed
        }
        return readKey().map(TerminalEvent.key)
    }

    static func key(code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .unknown }
            let kind: MouseEvent.Kind
            if dossier_is_wheel_up(event.bstate) != 0 {
                kind = .wheelUp
            } else if dossier_is_wheel_down(event.bstate) != 0 {
                kind = .wheelDown
            } else if dossier_is_click(event.bstate) != 0 {
                kind = .click
            } else {
                return .unknown
            }
            return .mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))
        case KEY_RESIZE:
            return .resize(width: Int(getmaxx(dossier_stdscr())), height: Int(getmaxy(dossier_stdscr())))
        default:
            let f0 = dossier_key_f0()
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return .unknown
        }
    }

    static func key(character: UInt32) -> Key {
        switch character {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(character + 96)!))
        case 0, 28...31: return .unknown
        default:
            guard let scalar = Unicode.Scalar(character), !Sanitizer.isControl(scalar) else { return .unknown }
            return .character(Character(scalar))
        }
    }
}
