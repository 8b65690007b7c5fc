#!/usr/bin/env python3
"""Checks Clio's .apkg files with Anki's own library (the `anki` package).

    check_apkg.py export CLIO_DB PACKAGE [--scheduling]
        Imports PACKAGE into a fresh Anki collection with Anki's importer and
        checks it against the accepted cards in CLIO_DB (read only): the note
        count, each note's note type (Clio Basic or Clio Cloze) and fields,
        its tags (the category path), and, with --scheduling, the review
        history (one revlog row per review_log row) and the cards' states;
        without it, no history and every card new.

    check_apkg.py make-legacy PACKAGE
    check_apkg.py make-modern PACKAGE
        Writes a package as Anki exports it, for older versions (legacy:
        collection.anki21) or in its newest format (collection.anki21b), with
        scheduling: Basic and Cloze notes, HTML in a field, answers in the
        review log. Prints what it wrote as JSON.

    check_apkg.py same-cards A.csv B.csv
        Checks that two `clio export --format csv` files hold the same cards
        (prompt, answer, kind, choices), in any order.

    check_apkg.py imported WROTE.json CLIO_IMPORT.json
        Checks `clio import --json` of a make-legacy or make-modern package
        against what was written: every card and review came in.
"""
import csv
import html
import json
import os
import sqlite3
import sys
import tempfile
import time

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.scheduler_pb2 import CardAnswer

BLANK = "_____"


def fail(message):
    print(f"check_apkg: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def clio_cards(db):
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        """WITH RECURSIVE paths(id, path) AS (
               SELECT id, name FROM categories WHERE parent_id IS NULL
               UNION ALL SELECT c.id, p.path || '::' || replace(c.name, ' ', '_')
               FROM categories c JOIN paths p ON c.parent_id = p.id)
           SELECT c.id, c.kind, c.prompt, c.answer, c.choices_json, c.tags, replace(p.path, ' ', '_'),
                  (SELECT count(*) FROM review_log l WHERE l.card_id = c.id), s.state, s.due, s.stability,
                  s.difficulty
           FROM cards c LEFT JOIN documents d ON d.id = c.document_id
           LEFT JOIN paths p ON p.id = d.category_id
           LEFT JOIN card_schedule s ON s.card_id = c.id
           WHERE c.status = 'accepted'"""
    ).fetchall()
    conn.close()
    return rows


def field_text(value):
    return html.unescape(value.replace("<br>", "\n"))


def check_export(db, package, scheduling):
    cards = clio_cards(db)
    expect(cards, "the Clio library has no accepted cards to compare with")
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        request = ImportAnkiPackageRequest(
            package_path=package,
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False),
        )
        col.import_anki_package(request)
        notes = [col.get_note(nid) for nid in col.find_notes("")]
        expect(len(notes) == len(cards), f"{len(notes)} notes in Anki, {len(cards)} accepted cards in Clio")
        by_front = {}
        for note in notes:
            model = note.note_type()
            first = field_text(note.fields[0])
            by_front[first] = (note, model)
        for _id, kind, prompt, answer, choices, tags, path, reviews, state, due, stability, difficulty in cards:
            if kind == "cloze" and prompt.count(BLANK) == 1:
                text = prompt.replace(BLANK, "{{c1::" + answer + "}}")
                expect(text in by_front, f"no Cloze note with the text {text!r}")
                note, model = by_front[text]
                expect(model["type"] == 1 and model["name"] == "Clio Cloze", f"{text!r} is not a Clio Cloze note")
                expect(len(note.cards()) == 1, f"{text!r} should make one cloze card")
            else:
                expect(prompt in by_front, f"no Basic note with the front {prompt!r}")
                note, model = by_front[prompt]
                expect(model["type"] == 0 and model["name"] == "Clio Basic", f"{prompt!r} is not a Clio Basic note")
                expect(field_text(note["Back"]) == answer, f"{prompt!r}: back {note['Back']!r}, expected {answer!r}")
                expect(note["Clio kind"] == kind, f"{prompt!r}: kind {note['Clio kind']!r}, expected {kind!r}")
                if choices:
                    expect(field_text(note["Choices"]).split("\n") == json.loads(choices), f"{prompt!r}: choices")
            source_field = note.fields[3] if model["type"] == 0 else note.fields[1]
            expect("<i>— " in source_field, f"{prompt!r}: the source field names no document: {source_field!r}")
            wanted = set((tags or "").split())
            if path:
                wanted.add(path)
            expect(set(note.tags) == wanted, f"{prompt!r}: tags {note.tags}, expected {sorted(wanted)}")
            anki_card = note.cards()[0]
            revlog = col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", anki_card.id)
            if scheduling:
                expect(revlog == reviews, f"{prompt!r}: {revlog} revlog rows in Anki, {reviews} reviews in Clio")
                types = {"new": 0, "learning": 1, "review": 2, "relearning": 3}
                expect(anki_card.type == types[state], f"{prompt!r}: Anki type {anki_card.type}, Clio {state}")
                if state in ("learning", "relearning"):
                    expect(anki_card.due == due // 1000, f"{prompt!r}: due {anki_card.due} in Anki, {due // 1000} in Clio")
                if state == "review":
                    days = (due / 1000 - time.time()) / 86400
                    in_anki = anki_card.due - col.sched.today
                    expect(abs(in_anki - days) <= 1, f"{prompt!r}: due in {in_anki} days in Anki, {days:.2f} in Clio")
                if stability is not None:
                    memory = anki_card.memory_state
                    expect(memory is not None, f"{prompt!r}: Anki has no FSRS memory state")
                    expect(abs(memory.stability - stability) < 1e-3 and abs(memory.difficulty - difficulty) < 1e-3,
                           f"{prompt!r}: memory {memory} in Anki, S={stability} D={difficulty} in Clio")
            else:
                expect(revlog == 0, f"{prompt!r}: history exported without --with-scheduling")
                expect(anki_card.type == 0, f"{prompt!r}: scheduled without --with-scheduling")
        total = col.db.scalar("SELECT count() FROM revlog")
        col.close()
    if scheduling:
        expect(total > 0, "the scheduled package holds no review history to check")
        states = {c[8] for c in cards}
        expect({"new", "learning", "review"} <= states, f"the library should hold new, learning and review cards: {states}")
    print(f"check_apkg: ok: {len(notes)} notes, {total} review(s) in Anki from {os.path.basename(package)}")


def make_package(package, legacy):
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "collection.anki2"))
        deck = col.decks.id("World History::French Revolution")
        basic = col.models.by_name("Basic")
        cloze = col.models.by_name("Cloze")
        note = col.new_note(basic)
        note["Front"] = "When did the <b>Bastille</b> fall?"
        note["Back"] = "14 July 1789"
        note.tags = ["revolution"]
        col.add_note(note, deck)
        note2 = col.new_note(cloze)
        note2["Text"] = "The {{c1::Estates-General}} met at Versailles in {{c2::May 1789}}."
        col.add_note(note2, deck)
        answered = 0
        for card in note.cards() + note2.cards()[:1]:
            card.start_timer()
            states = col._backend.get_scheduling_states(card.id)
            col.sched.answer_card(col.sched.build_answer(card=card, states=states, rating=CardAnswer.GOOD))
            answered += 1
        options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=False, legacy=legacy)
        col.export_anki_package(out_path=package, options=options, limit=None)
        col.close()
    print(json.dumps({"notes": 2, "cards": 3, "reviews": answered}))


def same_cards(a, b):
    def read(path):
        with open(path, encoding="utf-8-sig", newline="") as f:
            return sorted((r["prompt"], r["answer"], r["kind"], r["choices"]) for r in csv.DictReader(f))

    left, right = read(a), read(b)
    expect(left, f"{a} holds no cards")
    for x, y in zip(left, right):
        expect(x == y, f"cards differ: {x} / {y}")
    expect(len(left) == len(right), f"{len(left)} cards before the round trip, {len(right)} after")
    print(f"check_apkg: ok: the {len(left)} cards came back with the same prompt, answer, kind and choices")


def imported(wrote, report):
    with open(wrote) as f:
        wrote = json.load(f)
    with open(report) as f:
        report = json.load(f)
    expect(len(report) == 1, f"one file imported, not {len(report)}")
    got = report[0]
    expect(got["cards"] == wrote["cards"], f"{got['cards']} cards imported, Anki wrote {wrote['cards']}")
    expect(got["reviews"] == wrote["reviews"], f"{got['reviews']} reviews imported, Anki wrote {wrote['reviews']}")
    expect([d["title"] for d in got["documents"]] == ["French Revolution"], f"documents: {got['documents']}")
    expect(got["documents"][0]["categoryPath"] == ["World History"], f"category: {got['documents'][0]}")
    print(f"check_apkg: ok: Anki's own package imported: {got['cards']} cards, {got['reviews']} reviews")


def main(argv):
    if len(argv) >= 3 and argv[0] == "export":
        check_export(argv[1], argv[2], "--scheduling" in argv[3:])
    elif len(argv) == 2 and argv[0] in ("make-legacy", "make-modern"):
        make_package(argv[1], legacy=argv[0] == "make-legacy")
    elif len(argv) == 3 and argv[0] == "same-cards":
        same_cards(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "imported":
        imported(argv[1], argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
