#!/usr/bin/env python3
"""Trains the reference-entry CRF on AnyStyle's labelled entries and writes the
weights as Sources/Corpus/Resources/ReferenceCRF/model.txt.

    pip install python-crfsuite
    python3 scripts/crf/train.py ../shared/eval/references-train.jsonl [--holdout 0.1] [--out PATH]

The last `--holdout` share of the file (default 10 %) is not trained on; the
token accuracy on it is printed. Never pass the dev set.

Model file (UTF-8 text, one record a line, tab-separated):
    labels  L1 L2 ...                  the label names, in index order
    d       WORD  FIELD FIELD ...      dictionary: a word and the fields it mostly belongs to
    t       FROM TO WEIGHT             transition weights (label indices)
    f       ATTR  LABEL:WEIGHT ...     state weights of one attribute
Weights are written with 4 decimals; the derived-data licence is LICENSE-anystyle.txt beside it.
"""
import argparse, json, os, sys
import pycrfsuite
sys.path.insert(0, os.path.dirname(__file__))
from features import features, tokenize, LABELS

TAG = {"author": "author", "editor": "editor", "translator": "editor", "date": "date", "title": "title",
       "journal": "journal", "container-title": "container", "collection-title": "container",
       "volume": "volume", "pages": "pages", "publisher": "publisher", "location": "location",
       "edition": "edition", "url": "url", "doi": "doi", "isbn": "isbn", "genre": "genre",
       "note": "note", "source": "note", "medium": "genre", "director": "author", "producer": "author",
       "citation-number": "number"}


def labelled(entry):
    """Whitespace tokens of the entry and a label each, by finding every labelled segment in order."""
    toks = tokenize(entry["raw"])
    labels = [None] * len(toks)
    segs = []
    for tag, texts in entry["fields"].items():
        for t in texts:
            segs.append((TAG.get(tag, "note"), tokenize(t)))
    segs.sort(key=lambda s: -len(s[1]))
    for lab, st in segs:
        if not st:
            continue
        for i in range(len(toks) - len(st) + 1):
            if toks[i:i + len(st)] == st and all(l is None for l in labels[i:i + len(st)]):
                labels[i:i + len(st)] = [lab] * len(st)
                break
    labels = [l or "note" for l in labels]
    return toks, labels


DICTIONARY_FIELDS = ("location", "publisher", "journal", "container", "author", "genre", "edition")


def mine_dictionary(labelled_entries, min_count=3, share=0.6):
    """Words (lowercased cores) that the training set labels with one of a few fields
    at least `share` of the times they occur, and at least `min_count` times."""
    from features import core, lower
    seen, by_field = {}, {}
    for toks, labels in labelled_entries:
        for t, l in zip(toks, labels):
            w = lower(core(t))
            if len(w) < 2 or w.isdigit():
                continue
            seen[w] = seen.get(w, 0) + 1
            if l in DICTIONARY_FIELDS:
                by_field.setdefault(w, {}).setdefault(l, 0)
                by_field[w][l] += 1
    out = {}
    for w, fields in by_field.items():
        kept = [f for f in DICTIONARY_FIELDS if fields.get(f, 0) >= min_count and fields[f] >= share * seen[w]]
        if kept:
            out[w] = kept
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("train")
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__),
                    "../../Sources/Corpus/Resources/ReferenceCRF/model.txt"))
    ap.add_argument("--c1", type=float, default=0.5)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    a = ap.parse_args()
    entries = [json.loads(l) for l in open(a.train, encoding="utf-8")]
    # Every k-th entry is held back, so the held-out part mixes all four source files.
    k = max(2, round(1 / a.holdout)) if a.holdout > 0 else 0
    train = [e for i, e in enumerate(entries) if not k or i % k]
    held = [e for i, e in enumerate(entries) if k and not i % k]
    trainer = pycrfsuite.Trainer(verbose=False)
    pairs = [labelled(e) for e in train]
    dictionary = mine_dictionary(pairs)
    for toks, labels in pairs:
        if toks:
            trainer.append(features(toks, dictionary), labels)
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.possible_transitions": True})
    tmp = a.out + ".crfsuite"
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    trainer.train(tmp)
    tagger = pycrfsuite.Tagger()
    tagger.open(tmp)
    ok = n = 0
    for e in held:
        toks, labels = labelled(e)
        if not toks:
            continue
        pred = tagger.tag(features(toks, dictionary))
        ok += sum(p == g for p, g in zip(pred, labels))
        n += len(labels)
    print("held-out entries %d, token accuracy %.2f%%" % (len(held), 100.0 * ok / max(n, 1)))
    info = tagger.info()
    seen = set(info.labels)
    labels = [l for l in LABELS if l in seen] + sorted(seen - set(LABELS))
    index = {l: i for i, l in enumerate(labels)}
    by_attr = {}
    for (attr, lab), w in info.state_features.items():
        w = round(w, 4)
        if w != 0:
            by_attr.setdefault(attr, []).append((index[lab], w))
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("labels\t" + " ".join(labels) + "\n")
        for w in sorted(dictionary):
            assert "\t" not in w and " " not in w
            out.write("d\t%s\t%s\n" % (w, " ".join(dictionary[w])))
        for (fr, to), w in sorted(info.transitions.items()):
            if round(w, 4) != 0:
                out.write("t\t%d\t%d\t%.4f\n" % (index[fr], index[to], w))
        for attr in sorted(by_attr):
            assert "\t" not in attr and "\n" not in attr
            out.write("f\t%s\t%s\n" % (attr, " ".join("%d:%.4f" % (i, w) for i, w in sorted(by_attr[attr]))))
    os.remove(tmp)  # the text file is the shipped form
    print("dictionary words %d" % len(dictionary))
    print("attributes %d, state weights %d -> %s" % (len(by_attr), sum(map(len, by_attr.values())), a.out))


if __name__ == "__main__":
    main()
