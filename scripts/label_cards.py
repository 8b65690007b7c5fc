#!/usr/bin/env python3
"""Makes a blind set of generated cards for judges to label (the card quality data
in data/generate/labels/; see data/generate/README.md).

    scripts/label_cards.py --texts data/generate/train-texts \
        --cmd 'target/release/clio cards --json --limit 30 {file}' \
        --out data/generate/labels/roundN

runs the command on every text (any format `clio import` reads) and writes
OUT/blind.json (per text: its title and body as `clio import --dry-run` reads them,
and the cards with ids, without their origin) and OUT/key.json (which id is which
card of which file). Judges see only blind.json and the rubric in
data/generate/README.md and write OUT/verdicts-JUDGE.json:
{"c0001": {"verdict": "ok" | "ungrammatical" | "vague" | "wrong" | "giveaway" |
"fragment" | "bad_choices" | "trivial", "worth": 0-3, "note": "..."}, ...}.
Then `cargo run -p clio-core --release --example train_quality` refits the model.
"""
import argparse, json, os, random, shlex, subprocess, sys


def run_json(cmd, path):
    r = subprocess.run(shlex.split(cmd.replace("{file}", shlex.quote(path))),
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        sys.exit(f"{cmd!r} failed on {path}: {r.stderr.strip()[-300:]}")
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    clio = shlex.split(a.cmd)[0]
    groups, key, n = [], {}, 0
    for name in sorted(os.listdir(a.texts)):
        path = os.path.join(a.texts, name)
        if not os.path.isfile(path) or name == "README.md":
            continue
        doc = run_json(f"{clio} import --dry-run --json {{file}}", path)
        doc = doc[0] if isinstance(doc, list) else doc
        body = doc.get("body") or "\n\n".join(doc.get("paragraphs", []))
        cards = run_json(a.cmd, path)
        rng.shuffle(cards)
        group = {"title": doc.get("title") or name, "text": body, "cards": []}
        for c in cards:
            n += 1
            cid = f"c{n:04d}"
            key[cid] = {"kind": c.get("kind"), "file": name}
            group["cards"].append({"id": cid, "kind": c.get("kind"), "prompt": c["prompt"],
                                   "answer": c["answer"], "choices": c.get("choices", [])})
        groups.append(group)
    os.makedirs(a.out, exist_ok=True)
    json.dump({"groups": groups}, open(os.path.join(a.out, "blind.json"), "w"), indent=1, ensure_ascii=False)
    json.dump({"command": a.cmd, "cards": key}, open(os.path.join(a.out, "key.json"), "w"), indent=1)
    print(f"{n} cards from {len(groups)} texts in {a.out}/blind.json")


if __name__ == "__main__":
    main()
