#!/usr/bin/env python3
"""Validates the Kubernetes manifests in docs/deploy/kubernetes for CI.

For every kustomization (the base and each overlay) it assembles what
`kubectl apply -k` would send (resources, then strategic-merge patches; a
subset of kustomize that covers what these manifests use) and checks:

- the schema: every object against the Kubernetes OpenAPI schemas shipped in
  the `kubernetes-validate` PyPI package (offline, strict: unknown fields
  fail), for the oldest and newest Kubernetes versions below;
- the fields this service depends on: liveness on /healthz and readiness on
  /readyz on a port the container declares, non-root (and the image's uid),
  read-only root filesystem, no capabilities, resources set, a termination
  grace period longer than preStop + CORPUS_API_SHUTDOWN_GRACE, volumes
  mounted exist; the Service, PDB and HPA find the Deployment;
- an extraction Job (the shared-cache overlay): Indexed, one shard per
  completion (`--shard-count` = `completions`, `--shard-index` the completion
  index), the same pod hardening, and its `--out` volume is the claim the
  Deployment mounts read-only as CORPUS_API_CACHE_DIR;
- with --binary (or $BIN_DIR/corpus-api), that each ConfigMap mounted as the
  corpus loads in the real server, laid out as the kubelet lays it out.

Prints one line per check and "N passed, N failed"; exits 1 on a failure.
Usage: scripts/validate-manifests.py [--binary PATH] [DIR]
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
KUBERNETES_VERSIONS = ["1.30", "1.37"]  # oldest we support, newest the package knows
VALIDATOR_VERSION = "1.37.0"

passed = failed = skipped = 0


def check(ok: bool, what: str, detail: str = "") -> bool:
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS  {what}")
    else:
        failed += 1
        print(f"FAIL  {what}" + (f": {detail}" if detail else ""))
    return ok


def skip(what: str) -> None:
    global skipped
    skipped += 1
    print(f"SKIP  {what}")


# ------------------------------------------------------------------ kustomize
# Patch merge keys of the lists these manifests patch (as in the Kubernetes
# API's x-kubernetes-patch-merge-key).
MERGE_KEYS = {"containers": "name", "initContainers": "name", "env": "name", "volumes": "name",
              "volumeMounts": "mountPath", "ports": "containerPort"}


def merge(base, patch, key=None):
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            out[k] = merge(base[k], v, k) if k in base else copy.deepcopy(v)
        return out
    if isinstance(base, list) and isinstance(patch, list) and key in MERGE_KEYS:
        mk = MERGE_KEYS[key]
        out = [copy.deepcopy(x) for x in base]
        for item in patch:
            match = next((i for i, x in enumerate(out) if x.get(mk) == item.get(mk)), None)
            if match is None:
                out.append(copy.deepcopy(item))
            else:
                out[match] = merge(out[match], item)
        return out
    return copy.deepcopy(patch)


def load_docs(path: Path) -> list[dict]:
    with path.open() as f:
        return [d for d in yaml.safe_load_all(f) if d]


def build(directory: Path, problems: list[str]) -> list[dict]:
    """The objects `kubectl apply -k directory` would create."""
    kfile = directory / "kustomization.yaml"
    k = load_docs(kfile)[0]
    objects: list[dict] = []
    for entry in k.get("resources", []):
        target = (directory / entry).resolve()
        if target.is_dir():
            if not (target / "kustomization.yaml").exists():
                problems.append(f"{kfile}: resource {entry} is a directory without kustomization.yaml")
                continue
            objects += build(target, problems)
        elif target.is_file():
            objects += load_docs(target)
        else:
            problems.append(f"{kfile}: resource {entry} does not exist")
    for entry in k.get("patches", []):
        target = directory / entry["path"]
        if not target.is_file():
            problems.append(f"{kfile}: patch {entry['path']} does not exist")
            continue
        for patch in load_docs(target):
            matches = [i for i, o in enumerate(objects)
                       if o.get("kind") == patch.get("kind") and o["metadata"]["name"] == patch["metadata"]["name"]]
            if not matches:
                problems.append(f"{target}: patches {patch.get('kind')}/{patch['metadata']['name']}, which is not in the build")
            for i in matches:
                objects[i] = merge(objects[i], patch)
    for image in k.get("images", []):
        for o in objects:
            for c in pod_spec(o).get("containers", []) if pod_spec(o) else []:
                if c.get("image", "").split(":")[0] == image["name"]:
                    c["image"] = f"{image.get('newName', image['name'])}:{image.get('newTag', 'latest')}"
    return objects


def pod_spec(o: dict) -> dict | None:
    if o.get("kind") in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
        return o.get("spec", {}).get("template", {}).get("spec", {})
    return None


# -------------------------------------------------------------- the image
def dockerfile_facts() -> dict:
    text = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    runtime = text[text.rfind("\nFROM "):]
    facts = {}
    m = re.search(r"^USER\s+(\d+)(?::(\d+))?", runtime, re.M)
    facts["uid"] = int(m.group(1)) if m else None
    m = re.search(r"\bCORPUS_API_PORT=(\d+)", runtime)
    facts["port"] = int(m.group(1)) if m else 8080
    return facts


# -------------------------------------------------------------- field checks
def quantity(q) -> float:
    s = str(q)
    units = {"m": 1e-3, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "Ti": 2**40, "k": 1e3, "M": 1e6, "G": 1e9}
    for u, f in units.items():
        if s.endswith(u):
            return float(s[: -len(u)]) * f
    return float(s)


def env_value(container: dict, name: str):
    for e in container.get("env", []):
        if e.get("name") == name:
            return e.get("value")
    return None


def probe_port_ok(probe: dict, container: dict) -> bool:
    port = probe.get("httpGet", {}).get("port")
    ports = container.get("ports", [])
    return any(port in (p.get("containerPort"), p.get("name")) for p in ports)


def check_deployment(d: dict, image: dict, label: str, objects: list[dict]) -> None:
    name = f"{label}: Deployment/{d['metadata']['name']}"
    spec = d["spec"]
    pod = pod_spec(d)
    labels = spec["template"]["metadata"].get("labels", {})
    selector = spec.get("selector", {}).get("matchLabels", {})
    check(bool(selector) and selector.items() <= labels.items(), f"{name} selector matches its pod labels")
    psc = pod.get("securityContext", {})
    for c in pod["containers"]:
        cname = f"{name} container {c['name']}"
        csc = c.get("securityContext", {})
        live, ready = c.get("livenessProbe", {}), c.get("readinessProbe", {})
        check(live.get("httpGet", {}).get("path") == "/healthz" and probe_port_ok(live, c),
              f"{cname} liveness probe GET /healthz on a container port")
        check(ready.get("httpGet", {}).get("path") == "/readyz" and probe_port_ok(ready, c),
              f"{cname} readiness probe GET /readyz on a container port")
        if "startupProbe" in c:
            check(probe_port_ok(c["startupProbe"], c), f"{cname} startup probe on a container port")
        port = int(env_value(c, "CORPUS_API_PORT") or image["port"])
        check(any(p.get("containerPort") == port for p in c.get("ports", [])),
              f"{cname} declares the port the server listens on ({port})")
        non_root = csc.get("runAsNonRoot", psc.get("runAsNonRoot"))
        uid = csc.get("runAsUser", psc.get("runAsUser"))
        check(non_root is True, f"{cname} runAsNonRoot")
        check(uid in (None, image["uid"]), f"{cname} runAsUser is the image's uid ({image['uid']})", f"got {uid}")
        check(csc.get("readOnlyRootFilesystem") is True, f"{cname} readOnlyRootFilesystem")
        check(csc.get("allowPrivilegeEscalation") is False, f"{cname} allowPrivilegeEscalation false")
        check("ALL" in csc.get("capabilities", {}).get("drop", []), f"{cname} drops ALL capabilities")
        res = c.get("resources", {})
        have = all(k in res.get(kind, {}) for kind in ("requests", "limits") for k in ("cpu", "memory"))
        check(have, f"{cname} cpu and memory requests and limits set")
        if have:
            check(all(quantity(res["requests"][k]) <= quantity(res["limits"][k]) for k in ("cpu", "memory")),
                  f"{cname} requests within limits")
        # SIGKILL must not cut the drain short.
        grace = float(env_value(c, "CORPUS_API_SHUTDOWN_GRACE") or 10)
        pre = c.get("lifecycle", {}).get("preStop", {})
        sleep = 0.0
        if "sleep" in pre:
            sleep = float(pre["sleep"].get("seconds", 0))
        elif "exec" in pre:
            cmd = pre["exec"].get("command", [])
            sleep = float(cmd[-1]) if cmd and cmd[0].endswith("sleep") else 0.0
        period = pod.get("terminationGracePeriodSeconds", 30)
        check(period >= sleep + grace + 5,
              f"{cname} terminationGracePeriodSeconds {period} >= preStop {sleep:g} + shutdown grace {grace:g} + 5")
        volumes = {v["name"]: v for v in pod.get("volumes", [])}
        for m in c.get("volumeMounts", []):
            check(m["name"] in volumes, f"{cname} mount {m['mountPath']} has volume {m['name']}")
        corpus = env_value(c, "CORPUS_API_CORPUS")
        if corpus:
            mounts = {m["mountPath"]: m for m in c.get("volumeMounts", [])}
            check(corpus in mounts and mounts[corpus].get("readOnly") is True,
                  f"{cname} CORPUS_API_CORPUS={corpus} is a read-only mount")
        cache = env_value(c, "CORPUS_API_CACHE_DIR")
        if cache and cache != "off":
            mounts = {m["mountPath"]: m for m in c.get("volumeMounts", [])}
            check(cache in mounts and mounts[cache].get("readOnly") is True,
                  f"{cname} CORPUS_API_CACHE_DIR={cache} is a read-only mount (the Job writes it)")
    for v in pod.get("volumes", []):
        if "configMap" in v:
            cm = v["configMap"]["name"]
            check(any(o["kind"] == "ConfigMap" and o["metadata"]["name"] == cm for o in objects) or
                  v["configMap"].get("optional") is True,
                  f"{name} volume {v['name']}: ConfigMap {cm} is part of the build")


def mounted_claim(pod: dict, container: dict, path: str) -> str | None:
    """The PersistentVolumeClaim mounted at `path` in `container`, if any."""
    mount = next((m for m in container.get("volumeMounts", []) if m["mountPath"] == path), None)
    volume = next((v for v in pod.get("volumes", []) if mount and v["name"] == mount["name"]), None)
    return (volume or {}).get("persistentVolumeClaim", {}).get("claimName")


def check_job(j: dict, image: dict, label: str, objects: list[dict]) -> None:
    name = f"{label}: Job/{j['metadata']['name']}"
    spec = j["spec"]
    pod = pod_spec(j)
    psc = pod.get("securityContext", {})
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    for v in volumes.values():
        claim = v.get("persistentVolumeClaim", {}).get("claimName")
        if claim:
            check(any(o["kind"] == "PersistentVolumeClaim" and o["metadata"]["name"] == claim for o in objects),
                  f"{name} volume {v['name']}: PersistentVolumeClaim {claim} is part of the build")
    for c in pod["containers"]:
        cname = f"{name} container {c['name']}"
        csc = c.get("securityContext", {})
        args = [str(a) for a in c.get("args", [])]
        check(c.get("image", "").split(":")[0] == "corpus-api", f"{cname} runs the corpus-api image")
        check(args[:1] == ["extract"] and "--out" in args, f"{cname} runs `corpus-api extract --out DIR`")
        if args[:1] != ["extract"] or "--out" not in args:
            continue

        def arg(flag):
            return args[args.index(flag) + 1] if flag in args and args.index(flag) + 1 < len(args) else None
        check(spec.get("completionMode") == "Indexed", f"{name} is an Indexed Job")
        check(arg("--shard-index") == "$(JOB_COMPLETION_INDEX)", f"{cname} --shard-index is the completion index")
        check(arg("--shard-count") == str(spec.get("completions")),
              f"{cname} --shard-count equals completions ({spec.get('completions')})", f"got {arg('--shard-count')}")
        out = arg("--out")
        out_mount = next((m for m in c.get("volumeMounts", []) if m["mountPath"] == out), None)
        check(out_mount is not None and not out_mount.get("readOnly", False),
              f"{cname} --out {out} is a writable mount")
        check(csc.get("runAsNonRoot", psc.get("runAsNonRoot")) is True, f"{cname} runAsNonRoot")
        uid = csc.get("runAsUser", psc.get("runAsUser"))
        check(uid in (None, image["uid"]), f"{cname} runAsUser is the image's uid ({image['uid']})", f"got {uid}")
        check(csc.get("readOnlyRootFilesystem") is True, f"{cname} readOnlyRootFilesystem")
        check(csc.get("allowPrivilegeEscalation") is False, f"{cname} allowPrivilegeEscalation false")
        check("ALL" in csc.get("capabilities", {}).get("drop", []), f"{cname} drops ALL capabilities")
        res = c.get("resources", {})
        check(all(k in res.get(kind, {}) for kind in ("requests", "limits") for k in ("cpu", "memory")),
              f"{cname} cpu and memory requests and limits set")
        for m in c.get("volumeMounts", []):
            check(m["name"] in volumes, f"{cname} mount {m['mountPath']} has volume {m['name']}")
        # The replicas must read what the Job writes.
        written = mounted_claim(pod, c, out)
        for d in (o for o in objects if o["kind"] == "Deployment"):
            for dc in pod_spec(d)["containers"]:
                cache = env_value(dc, "CORPUS_API_CACHE_DIR")
                read = mounted_claim(pod_spec(d), dc, cache) if cache else None
                check(written is not None and read == written,
                      f"{cname} writes the claim Deployment/{d['metadata']['name']} reads as its cache ({written})",
                      f"Deployment reads {read}")


def selects(selector: dict, objects: list[dict]) -> list[dict]:
    return [o for o in objects if o["kind"] == "Deployment" and selector and
            selector.items() <= o["spec"]["template"]["metadata"].get("labels", {}).items()]


def check_objects(objects: list[dict], image: dict, label: str) -> None:
    for o in objects:
        if o["kind"] == "Deployment":
            check_deployment(o, image, label, objects)
        elif o["kind"] == "Job":
            check_job(o, image, label, objects)
    for s in (o for o in objects if o["kind"] == "Service"):
        name = f"{label}: Service/{s['metadata']['name']}"
        targets = selects(s["spec"].get("selector", {}), objects)
        check(bool(targets), f"{name} selects the Deployment's pod labels")
        for p in s["spec"].get("ports", []):
            tp = p.get("targetPort", p.get("port"))
            check(any(tp in (cp.get("containerPort"), cp.get("name"))
                      for d in targets for c in pod_spec(d)["containers"] for cp in c.get("ports", [])),
                  f"{name} port {p.get('name', p['port'])} targets a container port ({tp})")
    for h in (o for o in objects if o["kind"] == "HorizontalPodAutoscaler"):
        name = f"{label}: HorizontalPodAutoscaler/{h['metadata']['name']}"
        ref = h["spec"]["scaleTargetRef"]
        target = [o for o in objects if o["kind"] == ref.get("kind") and o["metadata"]["name"] == ref.get("name")]
        check(h["apiVersion"] == "autoscaling/v2", f"{name} uses autoscaling/v2")
        check(ref.get("kind") == "Deployment" and bool(target), f"{name} targets Deployment/{ref.get('name')} of the build")
        cpu = [m for m in h["spec"].get("metrics", [])
               if m.get("type") == "Resource" and m["resource"]["name"] == "cpu"]
        check(bool(cpu), f"{name} scales on CPU utilization")
        check(h["spec"].get("minReplicas", 1) <= h["spec"]["maxReplicas"], f"{name} minReplicas <= maxReplicas")
        if target and cpu:
            check(all("cpu" in c.get("resources", {}).get("requests", {}) for c in pod_spec(target[0])["containers"]),
                  f"{name} target has CPU requests (utilization is a share of them)")
    for p in (o for o in objects if o["kind"] == "PodDisruptionBudget"):
        check(bool(selects(p["spec"]["selector"].get("matchLabels", {}), objects)),
              f"{label}: PodDisruptionBudget/{p['metadata']['name']} selects the Deployment")


def check_schemas(objects: list[dict], label: str) -> None:
    try:
        import kubernetes_validate
    except ImportError:
        print(f"installing kubernetes-validate=={VALIDATOR_VERSION} from PyPI", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        f"kubernetes-validate=={VALIDATOR_VERSION}"], check=False,
                       env={**os.environ, "PIP_ROOT_USER_ACTION": "ignore"}, stdout=sys.stderr)
        try:
            import kubernetes_validate
        except ImportError:
            skip(f"{label}: schema validation (kubernetes-validate could not be installed)")
            return
    for version in KUBERNETES_VERSIONS:
        errors = []
        for o in objects:
            try:
                kubernetes_validate.validate(o, version, strict=True)
            except Exception as e:  # ValidationError, InvalidSchemaError, version errors
                errors.append(f"{o['kind']}/{o['metadata']['name']}: {getattr(e, 'message', e)}")
        check(not errors, f"{label}: {len(objects)} objects valid against the Kubernetes {version} schemas (strict)",
              "; ".join(errors))


# ------------------------------------------------- ConfigMap corpus, for real
def kubelet_layout(cm: dict, items, root: Path) -> None:
    """Writes a ConfigMap the way the kubelet mounts it: files in a hidden
    timestamped directory, `..data` pointing at it, a symlink per key."""
    hidden = root / "..2026_01_01_00_00_00.000000000"
    hidden.mkdir(parents=True)
    paths = {i["key"]: i["path"] for i in items} if items else {k: k for k in cm.get("data", {})}
    for key, rel in paths.items():
        target = hidden / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(cm["data"][key])
    (root / "..data").symlink_to(hidden.name)
    for top in {rel.split("/")[0] for rel in paths.values()}:
        (root / top).symlink_to(f"..data/{top}")


def check_corpus_loads(objects: list[dict], binary: Path | None, label: str) -> None:
    for d in (o for o in objects if o["kind"] == "Deployment"):
        pod = pod_spec(d)
        for c in pod["containers"]:
            corpus = env_value(c, "CORPUS_API_CORPUS")
            mount = next((m for m in c.get("volumeMounts", []) if m["mountPath"] == corpus), None)
            volume = next((v for v in pod.get("volumes", []) if mount and v["name"] == mount["name"]), None)
            if not volume or "configMap" not in volume:
                continue
            cm = next((o for o in objects if o["kind"] == "ConfigMap"
                       and o["metadata"]["name"] == volume["configMap"]["name"]), None)
            what = f"{label}: ConfigMap/{volume['configMap']['name']} loads as the corpus in corpus-api"
            if cm is None:
                continue
            if binary is None:
                skip(f"{what} (no binary: pass --binary or BIN_DIR)")
                continue
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp) / "corpus"
                kubelet_layout(cm, volume["configMap"].get("items"), root)
                env = {"PATH": "/usr/bin:/bin", "CORPUS_API_HOST": "127.0.0.1", "CORPUS_API_PORT": "0",
                       "CORPUS_API_CORPUS": str(root), "CORPUS_API_LOG_FORMAT": "json"}
                proc = subprocess.Popen([str(binary)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
                out, ok, deadline = [], False, time.monotonic() + 30
                while time.monotonic() < deadline:
                    line = proc.stdout.readline()
                    if not line:
                        break
                    out.append(line.rstrip())
                    if '"msg":"listening"' in line:
                        ok = True
                        break
                # Wait for an answer before going on, so the checks below
                # talk to a serving process.
                port = re.search(r'"port":"?(\d+)', out[-1]) if ok else None
                while port and time.monotonic() < deadline:
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port.group(1)}/healthz", timeout=2):
                            break
                    except OSError:
                        time.sleep(0.1)
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                loaded = next((l for l in out if '"model loaded"' in l), "")
                docs = re.search(r'"documents":"?(\d+)', loaded)
                check(ok and docs is not None and int(docs.group(1)) == sum(
                    1 for k in cm["data"] if k.endswith(".json")),
                    f"{what} ({docs.group(1) if docs else 0} documents)", " | ".join(out[-3:]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", nargs="?", default=str(REPO / "docs/deploy/kubernetes"))
    ap.add_argument("--binary", help="corpus-api release binary (default: $BIN_DIR/corpus-api when set)")
    args = ap.parse_args()
    root = Path(args.directory)
    binary = Path(args.binary) if args.binary else (
        Path(os.environ["BIN_DIR"]) / "corpus-api" if os.environ.get("BIN_DIR") else None)
    if binary is not None and not os.access(binary, os.X_OK):
        check(False, f"binary {binary} is executable")
        binary = None
    image = dockerfile_facts()

    # Every YAML file parses; every object but kustomizations and patches is complete.
    patch_files = set()
    kustomizations = sorted(p.parent for p in root.rglob("kustomization.yaml"))
    for kdir in kustomizations:
        for entry in load_docs(kdir / "kustomization.yaml")[0].get("patches", []):
            patch_files.add((kdir / entry["path"]).resolve())
    files = sorted(root.rglob("*.yaml"))
    for f in files:
        try:
            docs = load_docs(f)
        except yaml.YAMLError as e:
            check(False, f"{f.relative_to(root)} parses as YAML", str(e).replace("\n", " "))
            continue
        incomplete = [d for d in docs if d.get("kind") != "Kustomization" and f.resolve() not in patch_files
                      and not (d.get("apiVersion") and d.get("kind") and d.get("metadata", {}).get("name"))]
        check(bool(docs) and not incomplete, f"{f.relative_to(root)} parses ({len(docs)} documents, "
              "each with apiVersion, kind, metadata.name)")

    for kdir in kustomizations:
        label = str(kdir.relative_to(root.parent)) if kdir != root else root.name
        problems: list[str] = []
        objects = build(kdir, problems)
        check(not problems, f"{label}: kustomization builds ({len(objects)} objects: "
              + ", ".join(f"{o['kind']}/{o['metadata']['name']}" for o in objects) + ")", "; ".join(problems))
        kinds = {o["kind"] for o in objects}
        check({"Deployment", "Service", "HorizontalPodAutoscaler"} <= kinds,
              f"{label}: has a Deployment, a Service and a HorizontalPodAutoscaler")
        check_objects(objects, image, label)
        check_schemas(objects, label)
        check_corpus_loads(objects, binary, label)

    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
