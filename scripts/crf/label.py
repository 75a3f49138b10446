#!/usr/bin/env python3
"""Labels reference entries with the shipped model.txt, as the Swift side does
(the same features, Viterbi over the same weights): for looking at what the
model does with an entry without building the server.

    python3 scripts/crf/label.py "Family, G. (2001). Title. Journal 3, 1-9."
"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from features import features, tokenize

MODEL = os.path.join(os.path.dirname(__file__), "../../Sources/Corpus/Resources/ReferenceCRF/model.txt")


def load(path=MODEL):
    labels, trans, weights, dictionary = [], {}, {}, {}
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if cols[0] == "labels":
            labels = cols[1].split(" ")
        elif cols[0] == "d":
            dictionary[cols[1]] = cols[2].split(" ")
        elif cols[0] == "t":
            trans[(int(cols[1]), int(cols[2]))] = float(cols[3])
        elif cols[0] == "f":
            weights[cols[1]] = [(int(p.split(":")[0]), float(p.split(":")[1])) for p in cols[2].split(" ")]
    return labels, trans, weights, dictionary


def label(model, tokens):
    labels, trans, weights, dictionary = model
    k = len(labels)
    em = []
    for attrs in features(tokens, dictionary):
        row = [0.0] * k
        for a in attrs:
            for l, w in weights.get(a, ()):
                row[l] += w
        em.append(row)
    score, back = em[0][:], []
    for t in range(1, len(tokens)):
        nxt, bk = [], []
        for y in range(k):
            best = max(range(k), key=lambda x: score[x] + trans.get((x, y), 0.0))
            nxt.append(score[best] + trans.get((best, y), 0.0) + em[t][y])
            bk.append(best)
        score, back = nxt, back + [bk]
    y = max(range(k), key=lambda i: score[i])
    path = [y]
    for bk in reversed(back):
        y = bk[y]
        path.append(y)
    return [labels[i] for i in reversed(path)]


if __name__ == "__main__":
    m = load()
    for entry in sys.argv[1:]:
        toks = tokenize(entry)
        for t, l in zip(toks, label(m, toks)):
            print("%-10s %s" % (l, t))
        print()
