#!/usr/bin/env python3
"""Build a synthetic corpus of N articles for load and search benchmarks.

    scripts/generate-corpus.py N OUTDIR [--seed S]

Each article is made of paragraphs drawn (with a seeded shuffle) from the
two real articles in Sources/Corpus/Resources/DefaultCorpus, under Markdown
headings, followed by a short reference list, so it has the same shape as
the real ones: page-break fragments, escapes, <sup> tags, CJK and Cyrillic
references. Every article gets a valid metadata JSON naming its text file.
The same N and seed always give byte-identical files.
"""
import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.join(HERE, "..", "Sources", "Corpus", "Resources", "DefaultCorpus")


def blocks(text):
    """Blank-line separated blocks, split into body paragraphs and reference items."""
    body, references = [], []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip("\n")
        if not block.strip() or block.lstrip().startswith("#") or block.strip() == "---":
            continue
        lines = block.splitlines()
        if all(line.startswith("- ") for line in lines):
            references.extend(lines)
        elif len(block) > 80:
            body.append(block)
    return body, references


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("outdir", help="directory to create (must be empty or absent)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--source", default=DEFAULT_CORPUS, help="directory holding the real articles")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("count must be at least 1")

    body, references = [], []
    for name in sorted(os.listdir(args.source)):
        if name.endswith(".txt"):
            with open(os.path.join(args.source, name), encoding="utf-8") as f:
                b, r = blocks(f.read())
            body += b
            references += r
    if not body:
        sys.exit(f"no paragraphs found in {args.source}")

    os.makedirs(args.outdir, exist_ok=True)
    if any(not n.startswith(".") for n in os.listdir(args.outdir)):
        sys.exit(f"{args.outdir} is not empty")
    rng = random.Random(args.seed)
    width = len(str(args.count))
    for n in range(1, args.count + 1):
        number = str(n).zfill(width)
        doc_id = f"synthetic-{number}"
        text_name = f"synthetic_{number}.txt"
        paragraphs = rng.sample(body, k=min(len(body), rng.randint(30, 60)))
        out = [f"# Synthetic Article {number} on China–Russia Relations", "", "## Abstract", ""]
        section = 0
        for i, paragraph in enumerate(paragraphs):
            if i % 8 == 0 and i > 0:
                section += 1
                out += [f"### **Part {section}**", ""]
            out += [paragraph, ""]
        out += ["## References", ""]
        out += rng.sample(references, k=min(len(references), rng.randint(5, 15)))
        out.append("")
        with open(os.path.join(args.outdir, text_name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(out))
        metadata = {
            "id": doc_id,
            "text": text_name,
            "title": f"Synthetic Article {number} on China–Russia Relations",
            "authors": [{"family": "Generator", "given": "Corpus"}],
            "year": 2000 + rng.randint(0, 25),
            "language": "en",
            "note": f"Synthetic: paragraphs of the two real articles, shuffled with seed {args.seed}.",
        }
        with open(os.path.join(args.outdir, f"{doc_id}.json"), "w", encoding="utf-8") as f:
            json.dump(metadata, f, ensure_ascii=False, indent=2)
            f.write("\n")
    print(f"wrote {args.count} articles to {args.outdir}")


if __name__ == "__main__":
    main()
