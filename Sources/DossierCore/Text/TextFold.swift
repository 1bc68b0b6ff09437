/// Folds text for search so that case, accents and apostrophe styles do not matter:
/// « Conseil d’État » and `conseil d'etat` fold to the same `conseil d'etat`.
public enum TextFold {
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the folded UTF-8 of `text` to `out` (the search index folds 100 MB this way).
    /// ASCII runs take a byte loop; only other characters are decoded.
    public static func fold(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                    i += 1
                    continue
                }
                // a run of non-ASCII: fold it scalar by scalar
                var end = i + 1
                while end < count && bytes[end] >= 0x80 { end += 1 }
                foldScalars(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self), into: &out)
                i = end
            }
        }
    }

    private static func foldScalars(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v))
                continue
            }
            switch v {
            case 0x2018, 0x2019, 0x201B, 0x02BC, 0x2032, 0x00B4: out.append(0x27)  // '
            case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: out.append(0x22)  // "
            case 0x00A0, 0x202F, 0x2007, 0x2009, 0x200A: out.append(0x20)  // space
            case 0x2010...0x2015, 0x2212: out.append(0x2D)  // -
            case 0x0300...0x036F: continue  // combining accents
            default:
                if let base = latinBase(v) {
                    out.append(contentsOf: base.utf8)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower, to: &out) }
                }
            }
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The unaccented lowercase letters of Latin-1 Supplement and Latin Extended-A.
    private static func latinBase(_ v: UInt32) -> String? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return "a"
        case 0xC6, 0xE6: return "ae"
        case 0xC7, 0xE7, 0x106...0x10D: return "c"
        case 0xD0, 0xF0, 0x10E...0x111: return "d"
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return "e"
        case 0x11C...0x123: return "g"
        case 0x124...0x127: return "h"
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return "i"
        case 0x134, 0x135: return "j"
        case 0x136...0x138: return "k"
        case 0x139...0x142: return "l"
        case 0xD1, 0xF1, 0x143...0x14B: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return "o"
        case 0x152, 0x153: return "oe"
        case 0x154...0x159: return "r"
        case 0xDF: return "ss"
        case 0x15A...0x161: return "s"
        case 0x162...0x167: return "t"
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return "u"
        case 0x174, 0x175: return "w"
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: return "y"
        case 0x179...0x17E: return "z"
        default: return nil
        }
    }
}
