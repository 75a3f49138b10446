#!/usr/bin/env python3
"""Copies docs/openapi.yaml into the package resources and writes its JSON twin.

The server serves both at /openapi.yaml and /openapi.json from memory. Run it
after editing docs/openapi.yaml; CI runs it with --check and fails when the
committed resources are stale.
"""
import json
import pathlib
import sys

import yaml

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "docs" / "openapi.yaml"
target = root / "Sources" / "CorpusAPI" / "Resources" / "OpenAPI"
text = source.read_text(encoding="utf-8")
spec = yaml.safe_load(text)
outputs = {
    target / "openapi.yaml": text,
    target / "openapi.json": json.dumps(spec, ensure_ascii=False, indent=2) + "\n",
}
if "--check" in sys.argv:
    stale = [p.name for p, content in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != content]
    if stale:
        sys.exit(f"stale: {', '.join(stale)}; run scripts/gen-openapi.py")
    print("openapi resources up to date")
else:
    target.mkdir(parents=True, exist_ok=True)
    for path, content in outputs.items():
        path.write_text(content, encoding="utf-8")
    print(f"wrote {len(outputs)} files to {target.relative_to(root)}")
