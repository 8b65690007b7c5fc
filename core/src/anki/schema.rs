//! Anki's legacy collection file (schema 11): the tables, and the JSON that
//! the `col` row holds (collection config, note types, decks, deck options).
//! Laid out as Anki's `rslib/src/storage/schema11.sql` and as genanki
//! writes it, which every Anki since 2.1 imports.

use serde_json::{json, Value};

/// The schema-11 tables (without the `col` row).
pub const DDL: &str = "
CREATE TABLE col (
    id INTEGER PRIMARY KEY, crt INTEGER NOT NULL, mod INTEGER NOT NULL, scm INTEGER NOT NULL,
    ver INTEGER NOT NULL, dty INTEGER NOT NULL, usn INTEGER NOT NULL, ls INTEGER NOT NULL,
    conf TEXT NOT NULL, models TEXT NOT NULL, decks TEXT NOT NULL, dconf TEXT NOT NULL, tags TEXT NOT NULL
);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY, guid TEXT NOT NULL, mid INTEGER NOT NULL, mod INTEGER NOT NULL,
    usn INTEGER NOT NULL, tags TEXT NOT NULL, flds TEXT NOT NULL, sfld INTEGER NOT NULL,
    csum INTEGER NOT NULL, flags INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE cards (
    id INTEGER PRIMARY KEY, nid INTEGER NOT NULL, did INTEGER NOT NULL, ord INTEGER NOT NULL,
    mod INTEGER NOT NULL, usn INTEGER NOT NULL, type INTEGER NOT NULL, queue INTEGER NOT NULL,
    due INTEGER NOT NULL, ivl INTEGER NOT NULL, factor INTEGER NOT NULL, reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL, left INTEGER NOT NULL, odue INTEGER NOT NULL, odid INTEGER NOT NULL,
    flags INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE revlog (
    id INTEGER PRIMARY KEY, cid INTEGER NOT NULL, usn INTEGER NOT NULL, ease INTEGER NOT NULL,
    ivl INTEGER NOT NULL, lastIvl INTEGER NOT NULL, factor INTEGER NOT NULL, time INTEGER NOT NULL,
    type INTEGER NOT NULL
);
CREATE TABLE graves (usn INTEGER NOT NULL, oid INTEGER NOT NULL, type INTEGER NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

/// The schema version in `col.ver`.
pub const VERSION: i64 = 11;

/// Note type ids of the two note types Clio writes (fixed, so that a second
/// export updates the note types of the first rather than adding copies).
pub const BASIC_MODEL_ID: i64 = 1_764_000_000_001;
pub const CLOZE_MODEL_ID: i64 = 1_764_000_000_002;
/// The deck options group the exported decks use (1 is Anki's default group).
pub const DECK_CONFIG_ID: i64 = 1;

/// Field names of Clio's Basic note type. `Clio kind` is on no template: it
/// keeps multiple-choice and true/false cards' kind across a round trip.
pub const BASIC_FIELDS: [&str; 5] = ["Front", "Back", "Choices", "Source", "Clio kind"];
/// Field names of Clio's Cloze note type.
pub const CLOZE_FIELDS: [&str; 2] = ["Text", "Back Extra"];

const CSS: &str =
    ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n\
                   .source { font-size: 15px; color: #666; margin-top: 1em; }";

fn field(name: &str, ord: usize) -> Value {
    json!({ "name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [] })
}

fn model(
    id: i64,
    name: &str,
    kind: u8,
    fields: &[&str],
    qfmt: &str,
    afmt: &str,
    now_secs: i64,
) -> Value {
    json!({
        "id": id,
        "name": name,
        "type": kind,
        "mod": now_secs,
        "usn": -1,
        "sortf": 0,
        "did": null,
        "tmpls": [{
            "name": if kind == 1 { "Cloze" } else { "Card 1" },
            "ord": 0, "qfmt": qfmt, "afmt": afmt, "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0
        }],
        "flds": fields.iter().enumerate().map(|(i, f)| field(f, i)).collect::<Vec<_>>(),
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        // Which fields a card needs: the Basic card needs its front; cloze cards are counted by deletion.
        "req": if kind == 1 { json!([]) } else { json!([[0, "all", [0]]]) },
        "tags": [],
        "vers": []
    })
}

/// The `col.models` JSON: Clio's Basic and Cloze note types.
pub fn models(now_secs: i64) -> Value {
    let basic = model(
        BASIC_MODEL_ID,
        "Clio Basic",
        0,
        &BASIC_FIELDS,
        "{{Front}}{{#Choices}}<div class=choices>{{Choices}}</div>{{/Choices}}",
        "{{FrontSide}}<hr id=answer>{{Back}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}",
        now_secs,
    );
    let cloze = model(
        CLOZE_MODEL_ID,
        "Clio Cloze",
        1,
        &CLOZE_FIELDS,
        "{{cloze:Text}}",
        "{{cloze:Text}}{{#Back Extra}}<div class=source>{{Back Extra}}</div>{{/Back Extra}}",
        now_secs,
    );
    json!({ BASIC_MODEL_ID.to_string(): basic, CLOZE_MODEL_ID.to_string(): cloze })
}

/// One deck of `col.decks`.
pub fn deck(id: i64, name: &str, now_secs: i64) -> Value {
    json!({
        "id": id, "name": name, "mod": now_secs, "usn": -1, "desc": "", "dyn": 0, "conf": DECK_CONFIG_ID,
        "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]
    })
}

/// The `col.dconf` JSON: Anki's default options group.
pub fn deck_configs() -> Value {
    json!({ DECK_CONFIG_ID.to_string(): {
        "id": DECK_CONFIG_ID, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": { "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 7],
                 "order": 1, "perDay": 20, "separate": true },
        "lapse": { "delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0 },
        "rev": { "bury": false, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1.0, "maxIvl": 36500, "minSpace": 1,
                 "perDay": 200, "hardFactor": 1.2 }
    }})
}

/// The `col.conf` JSON: the collection's settings (the v2 scheduler, so Anki
/// reads learning cards' due times as written).
pub fn collection_config(first_model: i64) -> Value {
    json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0,
        "estTimes": true, "dueCounts": true, "curModel": first_model.to_string(), "nextPos": 1,
        "sortType": "noteFld", "sortBackwards": false, "addToCur": true, "schedVer": 2
    })
}
