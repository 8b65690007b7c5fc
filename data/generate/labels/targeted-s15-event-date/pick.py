"""The two sides of this label set, as `blind_cards.py make` commands call them.

  python3 pick.py a CLIO FILE  -> the questions of the event_date form and the
                                  "From what year …" questions among all cards
  python3 pick.py b CLIO FILE  -> the first three suggestions that are neither
                                  (the control)

Made with e9c9dfa's `clio` over the 23 seen texts that have such a card (files in
key.json), judged by two judges who saw only the rubric and blind.json.
"""
import json
import re
import subprocess
import sys


def targeted(card):
    p = card["prompt"]
    return card["kind"] != "cloze" and bool(
        re.search(r"was the [A-Z].* (fought|signed|held|issued|passed)\?$", p)
        or p.startswith("From what")
    )


def main():
    side, clio, path = sys.argv[1], sys.argv[2], sys.argv[3]
    if side == "a":
        cards = json.loads(subprocess.run([clio, "cards", "--json", path],
                                          capture_output=True, text=True, check=True).stdout)
        seen, out = set(), []
        for c in cards:
            if targeted(c) and c["prompt"] not in seen:
                seen.add(c["prompt"])
                out.append(c)
    else:
        cards = json.loads(subprocess.run([clio, "cards", "--json", "--suggested", "--limit", "10", path],
                                          capture_output=True, text=True, check=True).stdout)
        out = [c for c in cards if not targeted(c)][:3]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
