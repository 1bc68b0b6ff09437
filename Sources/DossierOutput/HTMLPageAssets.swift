import DossierCore

/// The HTML page's one inline style sheet and one inline script. Neither holds any data: the
/// script reads the page (records, their folded text, the language), so nothing from the data can
/// reach it, and the page's Content-Security-Policy allows exactly these two by their hashes.
enum HTMLPageAssets {
    /// Light and dark colours (`prefers-color-scheme`), each text colour at least 4.5:1 on its
    /// background (the browser test measures every text on the page in both); the language not
    /// chosen is hidden; the search box and the switch only where the script runs; print shows
    /// every record and no controls.
    static let style = """

        :root{--bg:#ffffff;--fg:#1a1a1a;--muted:#4d4d4d;--link:#0a4fa8;--line:#c8c8c8;--era0:#fff1c2;--era1:#dcf5dc;--era2:#dde8fb;--eranone:#eeeeee}
        @media (prefers-color-scheme:dark){:root{--bg:#141414;--fg:#e6e6e6;--muted:#b3b3b3;--link:#8cb8ff;--line:#444444;--era0:#3d3200;--era1:#163b16;--era2:#1b2d4d;--eranone:#2a2a2a}}
        html{background:var(--bg);color:var(--fg)}
        body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:0 1rem 4rem;background:var(--bg);color:var(--fg)}
        a{color:var(--link)}
        .muted{color:var(--muted)}
        body.l-en .fr,body.l-fr .en{display:none}
        header{border-bottom:1px solid var(--line);padding-bottom:.5rem}
        html:not(.js) .tools{display:none}
        .tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;position:sticky;top:0;background:var(--bg);padding:.4rem 0}
        input,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:4px;padding:.2rem .5rem}
        input{flex:1;min-width:12rem}
        nav ol{columns:2}
        h2{border-bottom:2px solid var(--line);margin-top:2.5rem}
        h3{margin-top:1.8rem}
        .rec{border-left:4px solid var(--line);padding:.1rem 0 .1rem .8rem;margin:1rem 0}
        .rec h3,.rec h4,.rec h5,.rec h6{margin:.2rem 0}
        .rec .sub{font-size:1rem;margin:.6rem 0 .2rem}
        dl{margin:.3rem 0}
        dl div{display:flex;gap:.5rem}
        dt{color:var(--muted);min-width:9rem;flex:none}
        dd{margin:0;overflow-wrap:anywhere}
        ul,ol{margin:.3rem 0;padding-left:1.4rem}
        li{overflow-wrap:anywhere}
        .band,.eras li,.side{padding:.1rem .5rem;border-radius:4px;font-weight:600}
        .eras{list-style:none;padding:0}
        .eras li{margin:.2rem 0}
        .side{display:inline-block;margin:.8rem 0 0;background:var(--eranone)}
        .band.era-0,.eras .era-0{background:var(--era0)}
        .band.era-1,.eras .era-1{background:var(--era1)}
        .band.era-2,.eras .era-2{background:var(--era2)}
        .band.era-none{background:var(--eranone)}
        .rec.era-0{border-color:#b38600}.rec.era-1{border-color:#2e8b2e}.rec.era-2{border-color:#3b6fd1}
        [hidden]{display:none}
        .rec:target{outline:2px solid var(--link);outline-offset:2px}
        @media print{
        :root{--bg:#ffffff;--fg:#000000;--muted:#333333;--link:#000000;--line:#999999}
        .tools,nav{display:none}
        body{max-width:none;font-size:11pt}
        .rec[hidden],.grp[hidden]{display:block}
        .rec{break-inside:avoid}
        h2,h3{break-after:avoid}
        }

        """

    /// Filters the records as the explorer's search does: a record's id, title, texts and values
    /// (not the labels, nor the titles of the records it links to), both languages, folded like
    /// `TextFold` (case, accents and apostrophe styles ignored); every word must appear. Switches
    /// the language, and clears the filter when a link leads to a record it hides.
    static let script: String = """

        (function(){
        'use strict';
        var F=\(foldTable);
        function fold(s){var o='';for(var c of s){var v=c.codePointAt(0);
        if(v<128){o+=(v>=65&&v<=90)?String.fromCharCode(v+32):c;continue}
        if(v>=0x300&&v<=0x36f)continue;
        o+=Object.prototype.hasOwnProperty.call(F,c)?F[c]:c.toLowerCase()}return o}
        document.documentElement.classList.add('js');
        var body=document.body,q=document.getElementById('_q'),n=document.getElementById('_n');
        var recs=Array.prototype.slice.call(document.querySelectorAll('.rec'));
        var grps=Array.prototype.slice.call(document.querySelectorAll('.grp'));
        var texts=recs.map(function(r){var parts=[r.id];
        r.querySelectorAll('h3:not(.sub),h4:not(.sub),p,dd').forEach(function(e){parts.push(e.textContent)});
        return fold(parts.join(' '))});
        function filter(){var terms=fold(q.value).split(' ').filter(function(t){return t.length>0});var shown=0;
        recs.forEach(function(r,i){var ok=terms.every(function(t){return texts[i].indexOf(t)>=0});
        r.hidden=!ok;if(ok)shown++});
        grps.forEach(function(g){g.hidden=g.querySelector('.rec:not([hidden])')===null});
        n.textContent=String(shown)}
        q.addEventListener('input',filter);
        function setLang(l){body.className='l-'+l;document.documentElement.lang=l;
        var t=document.querySelector('#_title .'+l)||document.getElementById('_title');document.title=t.textContent}
        document.getElementById('_lang').addEventListener('click',function(){setLang(body.className==='l-en'?'fr':'en')});
        function reveal(){var id=decodeURIComponent(location.hash.slice(1));var el=id?document.getElementById(id):null;
        if(el&&el.closest('[hidden]')){q.value='';filter();el.scrollIntoView()}}
        window.addEventListener('hashchange',reveal);
        })();

        """

    /// What the script folds differently from lower-casing: the characters `TextFold` maps
    /// (Latin letters to their base, typographic apostrophes, quotes, spaces and dashes), read
    /// from `TextFold` itself so the two agree. As a JavaScript object literal, ASCII only.
    static let foldTable: String = {
        var pairs: [String] = []
        for v in Array(0x80...0x24F) + Array(0x2000...0x2212) {
            guard let scalar = Unicode.Scalar(v), !(0x300...0x36F).contains(v) else { continue }
            let folded = TextFold.fold(String(Character(scalar)))
            guard folded != scalar.properties.lowercaseMapping else { continue }
            pairs.append("\"\(jsEscape(String(Character(scalar))))\":\"\(jsEscape(folded))\"")
        }
        return "{" + pairs.joined(separator: ",") + "}"
    }()

    static func jsEscape(_ text: String) -> String {
        text.unicodeScalars.map { scalar -> String in
            let v = scalar.value
            if v >= 0x20 && v < 0x7F && scalar != "\"" && scalar != "\\" { return String(scalar) }
            let hex = String(v, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined()
    }
}
