"""Helpers shared by the build_fix-*.py scripts of the fixture articles.  Stdlib only.

Adapted from goldlib.py of the shared development set (../shared/corpus-dev/gold/goldlib.py,
not part of this project): the same schema, checks and offsets, so that gold files built here are
scored by ../shared/eval/score.py exactly like the dev articles.  Changes: the article texts are
looked up in the folder above this one (Tests/Fixtures/articles), and the notes name the fixtures.

Every quote / raw handed to these helpers is whitespace-normalised (runs of whitespace -> one
space) and must be a substring of the normalised article text; the build aborts on the first
one that is not.  Character offsets are Unicode code points into the ORIGINAL file (end
exclusive), as in the main gold set.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS_DIR = os.path.normpath(os.path.join(HERE, ".."))

EVENT_CATEGORIES = {"diplomacy", "economy", "energy", "military", "culture", "infrastructure", "other"}
IND_CATEGORIES = {"trade", "investment", "energy", "military", "education", "finance", "other"}
QUALIFIERS = {"exact", "more-than", "at-least", "about", "target", "expected"}
PRECISIONS = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
              "decade": r"^\d{3}$", "century": r"^\d{2}$"}
PERIOD_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)(/(\d{4}(-\d{2}(-\d{2})?)?|\.\.))?$")


def fail(msg):
    sys.exit("BUILD ABORTED: " + msg)


def collapse(text):
    """Collapse whitespace runs to one space; return (collapsed, map to original index)."""
    out, idx, i, n = [], [], 0, len(text)
    while i < n:
        if text[i].isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            out.append(" ")
            idx.append(i)
            i = j
        else:
            out.append(text[i])
            idx.append(i)
            i += 1
    return "".join(out), idx


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class Gold:
    def __init__(self, doc_id, document_meta):
        self.doc = doc_id
        self.file = doc_id + ".txt"
        path = os.path.join(CORPUS_DIR, self.file)
        if not os.path.isfile(path):
            fail("article text not found: " + path)
        self.raw = open(path, encoding="utf-8").read()
        self.norm, self.idx = collapse(self.raw)
        meta = dict(document_meta)
        meta.update({
            "id": doc_id,
            "file": self.file,
            "sha256": hashlib.sha256(self.raw.encode("utf-8")).hexdigest(),
            "chars": len(self.raw),
        })
        self.document = meta
        self.events, self.indicators, self.references, self.in_text = [], [], [], []
        self.ids = set()

    # ------------------------------------------------------------------ text location
    def locate(self, quote):
        q = norm(quote)
        if not q:
            fail("empty quote")
        pos = self.norm.find(q)
        if pos < 0:
            # report how far the quote matches, to make fixing easy
            n = 0
            while n < len(q) and q[: n + 1] in self.norm:
                n += 1
            fail("NOT FOUND in %s: %r\n  matches up to char %d: ...%r | %r" % (self.file, quote, n, q[:n][-40:], q[n:n + 40]))
        start = self.idx[pos]
        end = self.idx[pos + len(q) - 1] + 1
        if norm(self.raw[start:end]) != q:
            fail("offset mapping failed for %r" % quote)
        return q, start, end, self.norm.count(q)

    def src(self, quote):
        q, s, e, c = self.locate(quote)
        d = {"document": self.doc, "quote": q, "char_start": s, "char_end": e}
        if c > 1:
            d["occurrences"] = c
        return d

    def _id(self, i):
        if i in self.ids:
            fail("duplicate id " + i)
        self.ids.add(i)

    # ------------------------------------------------------------------ events
    def ev(self, id, date, prec, title, category, quotes, end_date=None, status="occurred",
           optional=False, **extra):
        self._id(id)
        if prec not in PRECISIONS or not re.match(PRECISIONS[prec], date):
            fail("event %s: date %r does not fit precision %r" % (id, date, prec))
        if end_date is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", end_date):
            fail("event %s: bad end_date %r" % (id, end_date))
        if category not in EVENT_CATEGORIES:
            fail("event %s: category %r" % (id, category))
        if status not in ("occurred", "planned"):
            fail("event %s: status %r" % (id, status))
        srcs = [self.src(q) for q in quotes]
        e = {
            "id": id, "date": date, "date_precision": prec, "end_date": end_date, "title": title,
            "category": category, "status": status, "document": self.doc,
            "quote": srcs[0]["quote"], "sources": srcs,
        }
        if optional:
            e["optional"] = True
        e.update(extra)
        self.events.append(e)

    # ------------------------------------------------------------------ indicators
    def ind(self, id, measure, label, value, unit, period, qualifier, category, quotes,
            change=None, optional=False, **extra):
        self._id(id)
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", measure):
            fail("indicator %s: measure slug %r" % (id, measure))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            fail("indicator %s: value not a number" % id)
        if qualifier not in QUALIFIERS:
            fail("indicator %s: qualifier %r" % (id, qualifier))
        if category not in IND_CATEGORIES:
            fail("indicator %s: category %r" % (id, category))
        if period is not None and not PERIOD_RE.match(period):
            fail("indicator %s: period %r" % (id, period))
        srcs = [self.src(q) for q in quotes]
        i = {
            "id": id, "measure": measure, "label": label, "value": value, "unit": unit,
            "period": period, "qualifier": qualifier, "change": change, "category": category,
            "document": self.doc, "quote": srcs[0]["quote"], "sources": srcs,
        }
        if optional:
            i["optional"] = True
        i.update(extra)
        self.indicators.append(i)

    # ------------------------------------------------------------------ references
    def ref(self, id, raw, year, title, match_keys, authors=None, organization=None, container=None,
            publisher=None, pages=None, url=None, accessed=None, accept_years=None, **extra):
        self._id(id)
        if not authors and not organization and not title:
            fail("reference %s: no author, organization or title" % id)
        if not match_keys:
            fail("reference %s: no match_keys" % id)
        q, s, e, c = self.locate(raw)
        r = {
            "id": id, "document": self.doc, "authors": authors or [], "organization": organization,
            "year": year, "title": title, "container": container, "publisher": publisher,
            "pages": pages, "url": url, "accessed": accessed, "raw": q, "char_start": s, "char_end": e,
            "match_keys": match_keys,
        }
        ys = set([year] if year is not None else [None])
        ys.update(accept_years or [])
        r["accept_years"] = sorted(ys, key=lambda y: (y is None, y))
        r.update(extra)
        self.references.append(r)

    # ------------------------------------------------------------------ in-text citations
    def cite(self, raw, key, year, ref_id, quote, locator=None, resolution="exact", kind="parenthetical",
             optional=False, **extra):
        rq, rs, re_, rc = self.locate(raw)
        qq, qs, qe, qc = self.locate(quote)
        if rq not in qq:
            fail("citation %r not inside its quote %r" % (raw, quote))
        c = {
            "id": "cit-%s-%02d" % (self.doc.split("-")[1], len(self.in_text) + 1),
            "document": self.doc, "kind": kind, "raw": rq, "key": key, "year": year,
            "locator": locator, "reference_id": ref_id,
            "resolution": resolution if ref_id else "unresolved",
            "quote": qq, "quote_char_start": qs, "quote_char_end": qe,
        }
        if rc > 1:
            c["raw_occurrences_in_document"] = rc
        if optional:
            c["optional"] = True
        c.update(extra)
        self._id(c["id"])
        self.in_text.append(c)

    # ------------------------------------------------------------------ output
    def write(self, notes):
        ref_ids = {r["id"] for r in self.references}
        for c in self.in_text:
            for rid in [c["reference_id"]] + list(c.get("reference_ids", [])):
                if rid is not None and rid not in ref_ids:
                    fail("citation %s: unknown reference %s" % (c["id"], rid))
        for r in self.references:
            r["cited_count"] = sum(
                1 for c in self.in_text if not c.get("optional")
                and (c["reference_id"] == r["id"] or r["id"] in c.get("reference_ids", [])))

        def counts(items):
            req = sum(1 for x in items if not x.get("optional"))
            return {"total": len(items), "required": req, "optional": len(items) - req}

        gold = {
            "version": 1,
            "notes": notes,
            "counts": {
                "events": counts(self.events),
                "indicators": counts(self.indicators),
                "references": counts(self.references),
                "in_text_citations": counts(self.in_text),
            },
            "documents": [self.document],
            "events": self.events,
            "indicators": self.indicators,
            "references": self.references,
            "in_text_citations": self.in_text,
        }
        out = os.path.join(HERE, self.doc + ".gold.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("wrote", os.path.relpath(out), json.dumps(gold["counts"]))


COMMON_NOTES = [
    "Fixture gold set for corpus-api (Tests/Fixtures/articles): an article written for testing extraction on "
    "styles the development set does not cover. Authors, venue, figures and most facts are invented; not a "
    "factual source.",
    "Quotes/raws are whitespace-normalised substrings of the article file (markdown escapes such as \\$, "
    "<sup> tags, odd characters such as U+FB01 'ﬁ' and U+2212 '−' kept as in the file).",
    "char_start/char_end: Unicode code-point offsets of the quote in the ORIGINAL file (end exclusive).",
    "optional: true = borderline item; not in the recall denominator, but a returned item that matches it "
    "is not a false positive.",
    "Dates: ISO-8601 partial; '17' = century 1700-1799, '186' = decade 1860-1869; seasons and 'early <year>' "
    "are year precision (display_date keeps the wording).",
    "Figures are indicators, not events; a table cell is an indicator whose quote is its table row.",
    "in_text_citations: one item per citation marker; a marker citing several works lists them in "
    "reference_ids (reference_id = the first).",
    "in_text_citations.resolution: exact | year-from-access-date | spelling-mismatch | year-mismatch | "
    "name-mismatch | name-variant | container-name | unresolved.",
]
