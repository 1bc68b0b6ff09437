#!/usr/bin/env python3
"""Writes docs/schema/*.json, the JSON Schemas (draft 2020-12) of dossier's JSON outputs."""
import json, os, sys

DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}
PREC = {"enum": ["day", "month", "year"]}
ID = {"type": "string", "minLength": 1}
IDS = {"type": "array", "items": ID}
def nullable(s): return {"anyOf": [s, {"type": "null"}]}
def obj(props, required=None):
    return {"type": "object", "properties": props, "required": list(props) if required is None else required,
            "additionalProperties": False}

def schemas(both):
    """Record schemas; `both`: texts as {en, fr} and sources as ids (export), else one language, sources resolved."""
    text = obj({"en": {"type": "string"}, "fr": {"type": "string"}}) if both else {"type": "string"}
    identifiers = obj({k: nullable({"type": "string"}) for k in ["ecli"]} | {"cases": {"type": "array", "items": {"type": "string"}}}
                      | {k: nullable({"type": "string"}) for k in ["celex", "eli", "nor", "legifrance", "official_journal",
                                                                    "federal_register", "public_law"]}
                      | {"unavailable": nullable(text)})
    source = obj({"id": ID, "publisher": {"type": "string"}, "title": {"type": "string"}, "date": DATE,
                  "url": {"type": "string"}, "language": {"type": "string"}, "kind": {"type": "string"},
                  "identifiers": identifiers})
    sources = IDS if both else {"type": "array", "items": source}
    certainty = {"enum": ["verified", "reported", "disputed"]}
    party = obj({"id": ID, "name": text, "kind": {"type": "string"}, "roles": {"type": "array", "items": {"type": "string"}},
                 "country": {"type": "string"}, "summary": text, "website": nullable({"type": "string"}),
                 "certainty": certainty, "note": nullable(text), "sources": sources})
    event = obj({"id": ID, "date": DATE, "precision": PREC, "end": nullable(DATE), "kind": {"type": "string"},
                 "track": {"type": "string"}, "title": text, "summary": text, "parties": IDS,
                 "party_roles": {"type": "array", "items": obj({"party": ID, "role": nullable({"type": "string"})})},
                 "accord": nullable(ID), "identifiers": identifiers, "case_name": nullable(text), "case_short": nullable(text),
                 "pending": {"type": "boolean"},
                 "certainty": certainty, "note": nullable(text), "sources": sources})
    argument = obj({"id": ID, "side": {"type": "string"}, "by": IDS, "case": ID, "claim": text, "detail": nullable(text),
                    "basis": {"type": "array", "items": {"type": "string"}}, "answers": IDS, "outcome": nullable(text),
                    "certainty": certainty, "note": nullable(text), "sources": sources})
    dimensions = ["instrument", "period", "us_commitments", "oversight", "redress", "bulk_collection", "challenge", "ruling", "status"]
    cell = obj({"text": text, "sources": sources, "unknown": {"type": "boolean"}})
    accord = obj({"id": ID, "name": text, "instrument": {"type": "string"}, "adopted": DATE, "adopted_precision": PREC,
                  "in_force_from": DATE, "in_force_from_precision": PREC, "in_force_to": nullable(DATE),
                  "in_force_to_precision": nullable(PREC), "status": {"enum": ["in-force", "ended", "struck-down"]},
                  "summary": text, "mechanisms": {"type": "array", "items": text}, "challenged_by": IDS,
                  "struck_down_by": nullable(ID), "identifiers": identifiers, "status_text": text,
                  "comparison": obj({d: cell for d in dimensions}),
                  "certainty": certainty, "note": nullable(text), "sources": sources})
    term = obj({"id": ID, "term": text, "aliases": {"type": "array", "items": {"type": "string"}}, "definition": text,
                "explanation": text, "related": IDS, "certainty": certainty, "note": nullable(text), "sources": sources})
    return dict(text=text, source=source, party=party, event=event, argument=argument, accord=accord, dimensions=dimensions, term=term)

def document(title, body):
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title} | body

def array(s): return {"type": "array", "items": s}

def main(out):
    both, one = schemas(True), schemas(False)
    info = obj({"title": both["text"], "as_of": DATE, "focus": ID, "overview": both["text"],
                "tour": array(obj({"record": ID, "text": both["text"]}))})
    party_with_events = dict(one["party"]); party_with_events["properties"] = one["party"]["properties"] | {"events": IDS}
    party_with_events["required"] = one["party"]["required"] + ["events"]
    summary = obj({"kind": {"type": "string"}, "id": ID, "date": DATE, "title": {"type": "string"}}, required=["kind", "id", "title"])
    links = array(obj({"relation": {"type": "string"}, "records": array(summary)}))
    def with_links(record, kind):
        s = dict(record); s["properties"] = {"kind_of_record": {"const": kind}} | record["properties"] | {"links": links}
        s["required"] = ["kind_of_record"] + record["required"] + ["links"]; return s
    case_argument = obj({"id": ID, "side": {"type": "string"}, "by": array(obj({"party": ID, "role": nullable({"type": "string"})})),
                         "case": ID, "claim": {"type": "string"}, "outcome": nullable({"type": "string"})})
    tjs_date = obj({"year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
                    "day": {"type": "integer", "minimum": 1, "maximum": 31}}, required=["year"])
    files = {
        "export": document("dossier export --format json: the whole dossier, texts in both languages",
                           obj({"dossier": info, "sources": array(both["source"]), "parties": array(both["party"]),
                                "events": array(both["event"]), "arguments": array(both["argument"]), "accords": array(both["accord"]),
                                "terms": array(both["term"])})),
        "timeline": document("dossier timeline --format json", array(one["event"])),
        "parties": document("dossier parties --format json", array(party_with_events)),
        "arguments": document("dossier arguments --format json", array(one["argument"])),
        "accords": document("dossier accords --format json", array(one["accord"])),
        "show": document("dossier show ID --format json: the record, its kind and its links",
                         {"oneOf": [with_links(one["party"], "party"), with_links(one["event"], "event"),
                                    with_links(one["argument"], "argument"), with_links(one["accord"], "accord"),
                                    with_links(one["source"], "source"), with_links(one["term"], "term")]}),
        "glossary": document("dossier glossary --format json: every term in the language's alphabetical order, with the records using it",
                             array(obj(one["term"]["properties"] | {"used_in": array(summary)}))),
        "search": document("dossier search WORDS --format json",
                           array(obj({"kind": {"type": "string"}, "id": ID, "title": {"type": "string"}, "in_title": {"type": "boolean"}}))),
        "tour": document("dossier tour --format json",
                         array(obj({"step": {"type": "integer", "minimum": 1}, "record": ID, "title": {"type": "string"}, "text": {"type": "string"}}))),
        "overview": document("dossier --format json (without a command, not on a terminal)",
                             obj({"title": {"type": "string"}, "as_of": DATE, "overview": {"type": "string"}, "focus": ID,
                                  "counts": obj({k: {"type": "integer", "minimum": 0} for k in ["parties", "events", "arguments", "accords", "sources", "terms"]})})),
        "validate": document("dossier validate --format json",
                             obj({"valid": {"type": "boolean"}, "location": {"type": "string"},
                                  "problems": array(obj({"file": {"type": "string"}, "line": nullable({"type": "integer", "minimum": 1}),
                                                         "column": nullable({"type": "integer", "minimum": 1}), "message": {"type": "string"}}))})),
        "keys": document("dossier keys --format json",
                         array(obj({"group": {"type": "string"},
                                    "keys": array(obj({"keys": array({"type": "string"}), "action": {"type": "string"}}))}))),
        "case": document("dossier case ID --format json: a case as a map of its arguments",
                         obj({"case": obj({"id": ID, "date": DATE, "title": {"type": "string"}, "citation": {"type": "string"}}),
                              "threads": array(obj({"claim": nullable(case_argument), "answers": array(case_argument),
                                                    "holdings": array(case_argument)}))})),
        "sources": document("dossier sources --format json: the bibliography",
                            array(obj(one["source"]["properties"] | {"cited_by": IDS}))),
        "timelinejs": document("dossier export --format timelinejs: a TimelineJS3 document (https://timeline.knightlab.com/docs/json-format.html)",
                               obj({"title": obj({"text": obj({"headline": {"type": "string"}, "text": {"type": "string"}})}),
                                    "events": array(obj({"unique_id": ID, "start_date": tjs_date, "end_date": tjs_date,
                                                         "text": obj({"headline": {"type": "string"}, "text": {"type": "string"}}),
                                                         "group": {"type": "string"}}, required=["unique_id", "start_date", "text", "group"])),
                                    "eras": array(obj({"start_date": tjs_date, "end_date": tjs_date,
                                                       "text": obj({"headline": {"type": "string"}})}))})),
        "compare": document("dossier accords --compare --format json: the accords compared, dimension by dimension",
                            obj({"accords": array(obj({"id": ID, "name": {"type": "string"}, "in_force_from": DATE,
                                                       "in_force_to": nullable(DATE)})),
                                 "dimensions": array(obj({"dimension": {"enum": one["dimensions"]}, "label": {"type": "string"},
                                                          "accords": array(obj({"accord": ID, "text": {"type": "string"},
                                                                                "unknown": {"type": "boolean"}, "links": IDS,
                                                                                "sources": array(one["source"])}))}))})),
    }
    for name, schema in files.items():
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(schema, f, indent=2, ensure_ascii=False); f.write("\n")

main(sys.argv[1])
