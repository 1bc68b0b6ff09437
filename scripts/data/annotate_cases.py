#!/usr/bin/env python3
"""One-off edit (kept for the record of how the data was annotated): gives the bundled dossier's
court events their parties' roles, and events and accords their legal identifiers, from the
research of 2026-12-01 (see the closing note of that session). Idempotent: records that already
carry `identifiers:` or role-annotated parties are left alone.
    python3 scripts/data/annotate_cases.py Resources
"""
import re, sys, pathlib

# event id -> {party id: role}; parties not named keep no role ("Parties involved")
ROLES = {
    "ce-2020-06-19-ordonnance-440916": {"conseil-etat": "court", "cnll": "claimant", "nexedi": "claimant",
                                        "health-data-hub": "defendant", "ministry-of-health": "defendant", "microsoft": "subject"},
    "santenathon-2020-09-16-filing": {"santenathon": "claimant", "cnll": "claimant", "nexedi": "claimant", "interhop": "claimant", "conseil-etat": "court"},
    "ce-2020-09-21-rejection": {"conseil-etat": "court", "santenathon": "claimant"},
    "ce-2020-09-28-filing-444937": {"cnll": "claimant", "nexedi": "claimant", "interhop": "claimant", "santenathon": "claimant",
                                    "health-data-hub": "defendant", "conseil-etat": "court"},
    "ce-2020-10-13-ordonnance-444937": {"conseil-etat": "court", "cnll": "claimant", "nexedi": "claimant", "interhop": "claimant",
                                        "santenathon": "claimant", "health-data-hub": "defendant", "microsoft": "subject"},
    "interhop-2023-06-21-filing-475297": {"interhop": "claimant", "ldh": "claimant", "ministry-of-health": "defendant", "conseil-etat": "court"},
    "isoc-2024-02-09-filing-491644": {"internet-society-france": "claimant", "cnil": "defendant", "conseil-etat": "court"},
    "ce-2024-03-05-filing-492369": {p: "claimant" for p in ["clever-cloud", "nexedi", "rapid-space", "cleyrop", "open-internet-project",
                                                            "adelico", "licornes-celestes", "cnll"]} | {"cnil": "defendant", "conseil-etat": "court"},
    "ce-2024-03-19-hearing": {"conseil-etat": "court", "jean-yves-ollier": "judge", "clever-cloud": "claimant", "cnil": "defendant"},
    "ce-2024-03-22-ordonnance-492369": {p: "claimant" for p in ["clever-cloud", "nexedi", "rapid-space", "cleyrop", "open-internet-project",
                                                                "adelico", "licornes-celestes", "cnll"]}
                                       | {"conseil-etat": "court", "jean-yves-ollier": "judge", "cnil": "defendant", "microsoft": "subject"},
    "ce-2024-03-25-filings-492895-493007": {"cnil": "defendant", "conseil-etat": "court"},
    "cleverc-2024-06-29-filing-495606": {"clever-cloud": "claimant", "cleyrop": "claimant", "ministry-of-health": "defendant", "conseil-etat": "court"},
    "ce-2024-11-13-decision-475297": {"conseil-etat": "court", "interhop": "claimant", "ldh": "claimant", "ministry-of-health": "defendant"},
    "ce-2024-11-13-decision-492895": {"conseil-etat": "court", "cnil": "defendant"},
    "ce-2024-11-19-decision-491644": {"conseil-etat": "court", "internet-society-france": "claimant", "clever-cloud": "claimant",
                                      "nexedi": "claimant", "cleyrop": "claimant", "cnil": "defendant", "microsoft": "subject"},
    "ce-2025-04-23-hearing-503163": {"conseil-etat": "court", "remi-bouchez": "judge", "licornes-celestes": "claimant", "cnil": "defendant"},
    "ce-2025-04-25-ordonnance-503163": {"conseil-etat": "court", "remi-bouchez": "judge", "licornes-celestes": "claimant", "cnil": "defendant",
                                        "ema": "subject"},
    "ce-2025-06-25-decision-495606": {"conseil-etat": "court", "clever-cloud": "claimant", "cleyrop": "claimant", "ministry-of-health": "defendant"},
    "ce-2021-03-12-ordonnance-450163": {"conseil-etat": "court", "interhop": "claimant", "ldh": "claimant", "ministry-of-health": "defendant",
                                        "doctolib": "subject", "amazon-web-services": "subject"},
    "ce-2020-07-21-filing-442017": {"conseil-etat": "court", "cnll": "claimant", "nexedi": "claimant", "ministry-of-health": "defendant",
                                    "health-data-hub": "subject"},
    "cnil-2020-10-observations": {"cnil": "author", "conseil-etat": "court", "health-data-hub": "subject"},
    "bindl-2025-01-08-judgment": {"general-court": "court", "thomas-bindl": "claimant", "european-commission": "defendant"},
    "bindl-2025-03-17-commission-appeal": {"european-commission": "claimant", "cjeu": "court", "thomas-bindl": "defendant"},
    "us-2025-05-21-leblanc-ruling": {"us-district-court-dc": "court", "travis-leblanc": "claimant", "edward-felten": "claimant",
                                     "us-government": "defendant", "pclob": "subject"},
    "us-2025-07-01-dc-circuit-stay": {"us-court-of-appeals-dc": "court", "us-government": "claimant", "travis-leblanc": "defendant",
                                      "edward-felten": "defendant", "pclob": "subject"},
    "schrems-i-reference": {"irish-high-court": "court", "max-schrems": "claimant", "irish-dpc": "defendant"},
    "schrems-i": {"cjeu": "court", "max-schrems": "claimant", "irish-dpc": "defendant"},
    "schrems-ii-reference": {"irish-high-court": "court", "irish-dpc": "claimant", "facebook-ireland": "defendant", "max-schrems": "defendant"},
    "schrems-ii": {"cjeu": "court", "irish-dpc": "claimant", "facebook-ireland": "defendant", "max-schrems": "defendant"},
    "latombe-2023-09-06-filing": {"philippe-latombe": "claimant", "european-commission": "defendant", "general-court": "court"},
    "latombe-2023-10-12-interim-order": {"general-court": "court", "philippe-latombe": "claimant", "european-commission": "defendant",
                                         "jean-baptiste-soufron": "counsel"},
    "latombe-2025-04-01-hearing": {"general-court": "court", "philippe-latombe": "claimant", "european-commission": "defendant"},
    "latombe-2025-09-03-judgment": {"general-court": "court", "philippe-latombe": "claimant", "european-commission": "defendant",
                                    "data-protection-review-court": "subject"},
    "latombe-2025-10-31-appeal": {"philippe-latombe": "claimant", "cjeu": "court", "european-commission": "defendant",
                                  "ireland": "intervener", "us-government": "intervener", "jean-baptiste-soufron": "counsel"},
    "us-2018-04-17-us-v-microsoft-moot": {"us-supreme-court": "court", "us-government": "claimant", "microsoft": "defendant"},
    "us-2026-06-29-trump-v-slaughter": {"us-supreme-court": "court", "us-government": "claimant", "donald-trump": "claimant", "ftc": "subject"},
    "senate-2025-06-carniaux-testimony": {"senat": "author", "anton-carniaux": "witness", "microsoft": "subject"},
}

# record id -> identifiers (YAML lines under `identifiers:`); for the Conseil d'État the ECLI is
# ECLI:FR:<formation>:<year>:<number>.<date>, the formation being CEORD (juge des référés),
# CECHS (one chamber) or CECHR (joined chambers), as the decision pages show.
IDS = {
    "ce-2020-06-19-ordonnance-440916": {"ecli": "ECLI:FR:CEORD:2020:440916.20200619", "cases": ["440916"]},
    "ce-2020-10-13-ordonnance-444937": {"ecli": "ECLI:FR:CEORD:2020:444937.20201013", "cases": ["444937"]},
    "ce-2020-09-28-filing-444937": {"cases": ["444937"]},
    "interhop-2023-06-21-filing-475297": {"cases": ["475297"]},
    "isoc-2024-02-09-filing-491644": {"cases": ["491644"]},
    "ce-2024-03-05-filing-492369": {"cases": ["492369"]},
    "ce-2024-03-19-hearing": {"cases": ["492369"]},
    "ce-2024-03-22-ordonnance-492369": {"ecli": "ECLI:FR:CEORD:2024:492369.20240322", "cases": ["492369"]},
    "ce-2024-03-25-filings-492895-493007": {"cases": ["492895", "493007"]},
    "cleverc-2024-06-29-filing-495606": {"cases": ["495606"]},
    "ce-2024-11-13-decision-475297": {"ecli": "ECLI:FR:CECHS:2024:475297.20241113", "cases": ["475297"]},
    "ce-2024-11-13-decision-492895": {"ecli": "ECLI:FR:CECHS:2024:492895.20241113", "cases": ["492895", "493007"]},
    "ce-2024-11-19-decision-491644": {"ecli": "ECLI:FR:CECHR:2024:491644.20241119", "cases": ["491644", "492368"]},
    "ce-2025-04-23-hearing-503163": {"cases": ["503163"]},
    "ce-2025-04-25-ordonnance-503163": {"ecli": "ECLI:FR:CEORD:2025:503163.20250425", "cases": ["503163"]},
    "ce-2025-06-25-decision-495606": {"ecli": "ECLI:FR:CECHS:2025:495606.20250625", "cases": ["495606"]},
    "ce-2021-03-12-ordonnance-450163": {"ecli": "ECLI:FR:CEORD:2021:450163.20210312", "cases": ["450163"]},
    "ce-2020-07-21-filing-442017": {"cases": ["442017"]},
    "bindl-2025-01-08-judgment": {"ecli": "ECLI:EU:T:2025:4", "cases": ["T-354/22"], "celex": "62022TJ0354"},
    "bindl-2025-03-17-commission-appeal": {"cases": ["C-206/25 P"]},
    "us-2025-05-21-leblanc-ruling": {"cases": ["No. 25-cv-542"]},
    "us-2025-07-01-dc-circuit-stay": {"cases": ["No. 25-5197"]},
    "us-2026-04-30-fisa-702-extension": {"public_law": "Pub. L. 119-87"},
    "schrems-i-reference": {"cases": ["2013 No. 765 JR", "[2014] IEHC 310"]},
    "schrems-i": {"ecli": "ECLI:EU:C:2015:650", "cases": ["C-362/14"], "celex": "62014CJ0362"},
    "schrems-ii-reference": {"cases": ["2016 No. 4809 P", "[2017] IEHC 545"]},
    "schrems-ii": {"ecli": "ECLI:EU:C:2020:559", "cases": ["C-311/18"], "celex": "62018CJ0311"},
    "latombe-2023-09-06-filing": {"cases": ["T-553/23"]},
    "latombe-2023-10-12-interim-order": {"ecli": "ECLI:EU:T:2023:621", "cases": ["T-553/23 R"]},
    "latombe-2025-04-01-hearing": {"cases": ["T-553/23"]},
    "latombe-2025-09-03-judgment": {"ecli": "ECLI:EU:T:2025:831", "cases": ["T-553/23"], "celex": "62023TJ0553"},
    "latombe-2025-10-31-appeal": {"cases": ["C-703/25 P"], "official_journal": "OJ C/2025/6610"},
    "us-2018-04-17-us-v-microsoft-moot": {"cases": ["No. 17-2"]},
    "us-2026-06-29-trump-v-slaughter": {"cases": ["No. 25-332"]},
    "us-1981-12-04-eo-12333": {"federal_register": "46 FR 59941"},
    "us-2022-10-07-eo-14086": {"federal_register": "87 FR 62283"},
    "us-2018-03-23-cloud-act": {"public_law": "Pub. L. 115-141"},
    "us-2024-04-20-fisa-702-reauthorisation": {"public_law": "Pub. L. 118-49"},
    "eu-1995-10-24-directive-95-46": {"celex": "31995L0046", "eli": "http://data.europa.eu/eli/dir/1995/46/oj"},
    "safe-harbor-adoption": {"celex": "32000D0520", "eli": "http://data.europa.eu/eli/dec/2000/520/oj", "official_journal": "OJ L 215, 25.8.2000, p. 7"},
    "gdpr-adoption": {"celex": "32016R0679", "eli": "http://data.europa.eu/eli/reg/2016/679/oj", "official_journal": "OJ L 119, 4.5.2016, p. 1"},
    "privacy-shield-adoption": {"celex": "32016D1250", "eli": "http://data.europa.eu/eli/dec_impl/2016/1250/oj", "official_journal": "OJ L 207, 1.8.2016, p. 1"},
    "dpf-adoption": {"celex": "32023D1795", "eli": "http://data.europa.eu/eli/dec_impl/2023/1795/oj", "official_journal": "OJ L 231, 20.9.2023, p. 118"},
    "safe-harbor": {"celex": "32000D0520", "eli": "http://data.europa.eu/eli/dec/2000/520/oj"},
    "privacy-shield": {"celex": "32016D1250", "eli": "http://data.europa.eu/eli/dec_impl/2016/1250/oj"},
    "data-privacy-framework": {"celex": "32023D1795", "eli": "http://data.europa.eu/eli/dec_impl/2023/1795/oj"},
    "hdh-2019-11-29-arrete": {"legifrance": "JORFTEXT000039433105"},
    "fr-2024-05-21-sren-law": {"cases": ["2024-449"], "legifrance": "JORFTEXT000049563368"},
    "cnil-2023-12-21-deliberation": {"cases": ["2023-146"], "legifrance": "CNILTEXT000049057224"},
}

PENDING = {"latombe-2025-10-31-appeal", "bindl-2025-03-17-commission-appeal", "us-2025-07-01-dc-circuit-stay"}


def quote(value):
    return '"' + value.replace('"', '\\"') + '"' if re.search(r'[:#\[\]{},&*!|>\'"%@`]|^\d', value) else value


def annotate(text):
    lines = text.split("\n")
    out, i, changed = [], 0, set()
    current = None
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^  - id: (\S+)\s*$", line)
        if m:
            current = m.group(1)
        if current and re.match(r"^    (parties|challenged_by|struck_down_by|status|name):", line) and current not in changed:
            key = line.split(":")[0].strip()
            if key == "parties" and current in ROLES:
                items = re.match(r"^    parties: \[(.*)\]\s*$", line)
                if items:
                    roles = ROLES[current]
                    out.append("    parties:")
                    for party in [p.strip() for p in items.group(1).split(",") if p.strip()]:
                        out.append(f"      - {party}: {roles[party]}" if party in roles else f"      - {party}")
                    i += 1
                    line = None
            if key in ("parties", "challenged_by") and current in IDS or (key == "parties" and current in PENDING):
                if line is not None:
                    out.append(line)
                    i += 1
                    # a block list continues on the following, deeper lines
                    while i < len(lines) and lines[i].startswith("      - "):
                        out.append(lines[i]); i += 1
                if current in IDS:
                    out.append("    identifiers:")
                    for k, v in IDS[current].items():
                        out.append(f"      {k}: [{', '.join(quote(x) for x in v)}]" if isinstance(v, list) else f"      {k}: {quote(v)}")
                if current in PENDING:
                    out.append("    pending: true")
                changed.add(current)
                continue
            if line is None:
                changed.add(current)
                continue
        out.append(line)
        i += 1
    return "\n".join(out), changed


root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Resources")
done = set()
for path in sorted(root.glob("*.yaml")):
    text = path.read_text()
    if "identifiers:" in text:
        print(f"{path}: already annotated, left alone")
        continue
    new, changed = annotate(text)
    if new != text:
        path.write_text(new)
        done |= changed
        print(f"{path}: {len(changed)} records")
missing = (set(ROLES) | set(IDS) | PENDING) - done
if missing:
    print("not found (added by nobody yet?):", " ".join(sorted(missing)))
