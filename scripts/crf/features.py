"""Token features for the reference-entry CRF.

Mirrored exactly by Sources/Corpus/Extraction/Citations/ReferenceTokenFeatures.swift;
`make_fixture.py` writes the features of a few sentences so a Swift test can
compare both sides. Keep the two small and change them together.

A token is a run of non-whitespace. Every rule works on Unicode scalars and
their general category, never on locale.
"""
import re
import unicodedata

LABELS = ["author", "editor", "date", "title", "journal", "container", "volume", "pages",
          "publisher", "location", "edition", "url", "doi", "isbn", "genre", "note", "number"]


def is_alnum(c):
    return unicodedata.category(c)[0] in ("L", "N")


def lower(s):
    return "".join(c.lower() for c in s)


def core(tok):
    """The token without the punctuation around it ("(2011)." -> "2011")."""
    i, j = 0, len(tok)
    while i < j and not is_alnum(tok[i]):
        i += 1
    while j > i and not is_alnum(tok[j - 1]):
        j -= 1
    return tok[i:j]


def shape_char(c):
    cat = unicodedata.category(c)
    if cat == "Lu" or cat == "Lt":
        return "A"
    if cat == "Ll":
        return "a"
    if cat[0] == "L":
        return "h"  # scripts without case (Han, kana, Hangul)
    if cat == "Nd":
        return "0"
    return c


def shape(tok):
    out = []
    for c in tok:
        s = shape_char(c)
        if not out or out[-1] != s:
            out.append(s)
    return "".join(out)[:8]


def token_features(tok, dictionary=None):
    """Features of one token on its own (the CRF sees them also for its neighbours).
    `dictionary` maps a lowercased core to the fields it is mostly labelled with
    in the training set (see train.py), each a "D=" feature."""
    c = core(tok)
    lc = lower(c)
    f = ["w=" + (lc if lc else "<p>"), "s=" + shape(tok)]
    if dictionary and lc in dictionary:
        f.extend("D=" + d for d in dictionary[lc])
    if lc:
        f.append("p2=" + lc[:2])
        f.append("x3=" + lc[-3:])
    if tok and not is_alnum(tok[-1]):
        f.append("e=" + tok[-1])
    if tok and not is_alnum(tok[0]):
        f.append("b=" + tok[0])
    if c.isdigit() and c.isascii():
        n = int(c) if len(c) < 6 else 0
        if len(c) == 4 and 1500 <= n <= 2039:
            f.append("year")
        f.append("d%d" % min(len(c), 5))
    if "http" in lc or "www" in lc:
        f.append("link")
    if "10." in tok and "/" in tok:
        f.append("doiish")
    if re.fullmatch(r"[0-9]+[-\u2013\u2014][0-9]+", c) is not None:
        f.append("range")
    return f


OPENING_QUOTES = "\u201c\u00ab\u201e\"*"
CLOSING_QUOTES = "\u201d\u00bb\"*"


def quoted(tokens):
    """Whether each token is inside quotes (or Markdown emphasis): from a token that opens
    with a quote to the next token that closes one after its first character."""
    out, inside = [], False
    for t in tokens:
        if not inside and t[:1] in OPENING_QUOTES and t[:1] != "":
            inside = True
            out.append(True)
            if any(c in CLOSING_QUOTES for c in t[1:]):
                inside = False
            continue
        out.append(inside)
        if inside and any(c in CLOSING_QUOTES for c in t):
            inside = False
    return out


def ends_sentence(tok):
    """Whether a token closes a sentence of the entry: "Title." or "(2011)." but not an initial "A."."""
    if not tok or tok[-1] not in ".?!":
        return False
    return len(core(tok)) >= 3 or tok[-1] in "?!" or tok.endswith(").")


EDITOR_WORDS = ("ed", "eds", "edd", "hrsg", "hg", "dir", "coord", "red", "ред", "под")


def context(tokens, own, q):
    """What came before each token in the entry: how many sentences ended ("seg=",
    capped at 5), whether an "In" / "In:" opened a container ("aIn"), whether a year
    was printed ("aY"), whether an editor word ("eds.", "Hrsg.") was ("aEd"), whether a
    quoted or emphasised run closed ("aQ"); and how many sentences are left ("rseg=", capped at 3)."""
    out = []
    seg, after_in, after_year, after_quote, after_eds = 0, False, False, False, False
    total = sum(1 for t in tokens[:-1] if ends_sentence(t))
    for i, t in enumerate(tokens):
        f = ["seg=%d" % min(seg, 5), "rseg=%d" % min(total - seg, 3)]
        if after_in:
            f.append("aIn")
        if after_eds:
            f.append("aEd")
        if after_year:
            f.append("aY")
        if after_quote and not q[i]:
            f.append("aQ")
        out.append(f)
        if ends_sentence(t):
            seg += 1
        lc = lower(core(t))
        if i > 0 and lc in ("in", "в") and (shape_char(t[0]) == "A" or t.endswith(":")):
            after_in = True
        if "year" in own[i]:
            after_year = True
        if lc in EDITOR_WORDS:
            after_eds = True
        if q[i] and (i + 1 == len(tokens) or not q[i + 1]):
            after_quote = True
    return out


def features(tokens, dictionary=None):
    """One feature list per token: its own, its neighbours' words and ends, its place."""
    n = len(tokens)
    own = [token_features(t, dictionary) for t in tokens]
    q = quoted(tokens)
    ctx = context(tokens, own, q)
    out = []
    for i, t in enumerate(tokens):
        f = ["bias", "pos=%d" % (10 * i // n)] + own[i]
        if i < 3:
            f.append("i=%d" % i)
        if q[i]:
            f.append("inq")
        f.extend(ctx[i])
        for d, name in ((-1, "L"), (1, "R"), (-2, "LL"), (2, "RR")):
            j = i + d
            if 0 <= j < n:
                for g in own[j]:
                    if g.startswith("w=") or g.startswith("e=") or (abs(d) == 1 and (g.startswith("s=") or g.startswith("D="))) \
                            or g == "year":
                        f.append(name + g)
            else:
                f.append(name + "<edge>")
        out.append(f)
    return out


def tokenize(s):
    return s.split()
