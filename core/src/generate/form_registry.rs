//! The question forms: every way the generator turns a sentence into a card, in one
//! list ([`REGISTRY`]), each with a line on what it asks and an example sentence with
//! the card it makes. [`super::candidates`] loops over the list, a candidate records
//! the name of the form that made it (`Candidate::form`), and the quality model has
//! one feature per form, in the order of the list ([`super::quality::FORMS`]).
//!
//! To add a form: write its function (next to its kind in `questions.rs`,
//! `forms.rs`, `amounts.rs`, `causes.rs`, …), add one entry at the END of the list
//! with an example sentence written for it, and run
//! `cargo test -p clio-core --lib generate::form_registry`: the test makes cards
//! from every example and checks the form's card is among them with its prompt and
//! answer. Add it at the end because the order matters twice: the quality model's
//! weights (`data/generate/quality_model.json`) are stored in this order (a new form
//! means retraining it), and the forms are tried in this order, which decides ties
//! between equal cards.
//!
//! How a form is called depends on what it asks about ([`Build`]): most ask about
//! one name, date or number of the sentence (an entity) and are tried, in list
//! order, for each entity; the clause form is tried for each clause of the sentence
//! too. The forms whose answer is no entity (the cause and effect of a clause, a
//! common noun phrase) are tried for each clause before the entities, and the
//! cloze blanks an entity after every question about it; their call sites in
//! [`super::candidates`] stay apart because each scores its cards its own way, but
//! they take their functions from this list, in its order.

use super::amounts::existential_question;
use super::causes::{cause_question, effect_question, fronted_cause_question};
use super::clauses::Clause;
use super::cloze::cloze;
use super::entities::Entity;
use super::event_date::event_date_question;
use super::forms::{
    appositive_person_question, appositive_place_question, known_as_question, nominal_question,
    relative_question, relative_time_question, role_question, term_questions,
};
use super::participle_date::participle_date_question;
use super::pronouns::Ctx;
use super::questions::{question, Built};

/// A token range of a sentence: the answer of a form that asks about no entity.
pub(super) type Span = (usize, usize);

/// One question form.
pub(super) struct Form {
    /// What a card records as its form, and the quality model's feature `form_{name}`.
    pub(super) name: &'static str,
    /// What it asks, in one line.
    // Read by the registry's tests and by a newcomer, not by the generator.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) about: &'static str,
    /// A sentence it makes a card from, and that card.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) example: Example,
    /// Its function and how it is called.
    pub(super) build: Build,
}

/// A text written to show a form, and the prompt and answer of the card it makes.
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Example {
    pub(super) text: &'static str,
    pub(super) prompt: &'static str,
    pub(super) answer: &'static str,
}

/// A form's function, by what it asks about: the candidate step calls each kind
/// where it fits.
pub(super) enum Build {
    /// A question about an entity from one clause: tried for every clause of the
    /// sentence, for every entity.
    EntityInClause(fn(&Ctx, &Clause, &Entity) -> Option<Built>),
    /// A question about an entity from the whole sentence: tried once per entity.
    Entity(fn(&Ctx, &Entity) -> Option<Built>),
    /// The sentence with an entity blanked (prompt, whether a pronoun was
    /// resolved): tried once per entity, after its questions.
    EntityCloze(fn(&Ctx, &Entity) -> Option<(String, bool)>),
    /// A question about a clause whose answer is a span of it (a cause, an
    /// effect): tried once per clause, before the entities.
    Clause(fn(&Ctx, &Clause) -> Option<(Span, Built)>),
    /// Questions whose answer is a common noun phrase of a clause: tried once per
    /// clause, after the [`Build::Clause`] forms.
    ClauseTerms(fn(&Ctx, &Clause) -> Vec<(Span, Built)>),
}

/// A cause after its clause ("… because …") or, failing that, before it
/// ("Because …, …"): one form, the same question.
fn cause_either_side(ctx: &Ctx, c: &Clause) -> Option<(Span, Built)> {
    cause_question(ctx, c).or_else(|| fronted_cause_question(ctx, c))
}

/// Every question form, in the order of the quality model's features (append new
/// ones at the end).
pub(super) const REGISTRY: &[Form] = &[
    Form {
        name: "clause",
        about: "a wh-question about a name, date or number of a clause, by inversion \
                or do-support",
        example: Example {
            text: "In 1356 the Black Prince defeated the French king at Poitiers.",
            prompt: "In what year did the Black Prince defeat the French king at Poitiers?",
            answer: "1356",
        },
        build: Build::EntityInClause(question),
    },
    Form {
        name: "nominal",
        about: "the date of an event named by a noun (\"the founding of X in 1088\" → \
                \"In what year was X founded?\")",
        example: Example {
            text: "The city flourished after the founding of the University of Bologna in 1088.",
            prompt: "In what year was the University of Bologna founded?",
            answer: "1088",
        },
        build: Build::Entity(nominal_question),
    },
    Form {
        name: "relative",
        about: "a person or group described by a relative clause (\"X, who …\" → \
                \"Which … ?\")",
        example: Example {
            text: "The rebels sent envoys to Jan Zizka, who commanded the army of Tabor.",
            prompt: "Who commanded the army of Tabor?",
            answer: "Jan Zizka",
        },
        build: Build::Entity(relative_question),
    },
    Form {
        name: "relative_time",
        about: "a date in a relative clause on the sentence's subject (\"X, which began \
                in 911 …\")",
        example: Example {
            text: "The Teutonic Order, which settled in Prussia in 1230, built a chain of castles along the Vistula.",
            prompt: "In what year did the Teutonic Order settle in Prussia?",
            answer: "1230",
        },
        build: Build::Entity(relative_time_question),
    },
    Form {
        name: "appositive_place",
        about: "where a place is, from an apposition locating it (\"X, a town in Y\")",
        example: Example {
            text: "The monks settled at Lindisfarne, an island in England.",
            prompt: "In which country is Lindisfarne?",
            answer: "England",
        },
        build: Build::Entity(appositive_place_question),
    },
    Form {
        name: "appositive_person",
        about: "who a person is, from an apposition (\"X's son, Y,\" → \"Who was X's son?\")",
        example: Example {
            text: "Matilda's half-brother, Robert of Gloucester, led her army in 1141.",
            prompt: "Who was Matilda's half-brother?",
            answer: "Robert of Gloucester",
        },
        build: Build::Entity(appositive_person_question),
    },
    Form {
        name: "role",
        about: "a person named after their office (\"the Viking ruler Rollo\" → \"Who was \
                the Viking ruler?\")",
        example: Example {
            text: "The treaty was signed by the Genoese admiral Simone Vignoso in 1346.",
            prompt: "Who was the Genoese admiral?",
            answer: "Simone Vignoso",
        },
        build: Build::Entity(role_question),
    },
    Form {
        name: "known_as",
        about: "the name a thing was known as (\"a series of wars, known as X\")",
        example: Example {
            text: "A wave of peasant risings followed, known as the Jacquerie.",
            prompt: "What was a wave of peasant risings known as?",
            answer: "Jacquerie",
        },
        build: Build::Entity(known_as_question),
    },
    Form {
        name: "existential",
        about: "how many, from a count in a \"there were …\" sentence",
        example: Example {
            text: "In 1500, there were about 200 printing shops in Venice.",
            prompt: "In 1500, how many printing shops were there in Venice?",
            answer: "about 200",
        },
        build: Build::Entity(existential_question),
    },
    Form {
        name: "term",
        about: "a common noun phrase of a clause, its subject or its object (\"What did \
                X adopt?\")",
        example: Example {
            text: "The printers of Venice adopted movable type within a decade.",
            prompt: "What did the printers of Venice adopt within a decade?",
            answer: "movable type",
        },
        build: Build::ClauseTerms(term_questions),
    },
    Form {
        name: "cloze",
        about: "the sentence (or its clause) with a name, date or number blanked",
        example: Example {
            text: "The Hanseatic merchants kept a large depot at Bergen.",
            prompt: "The Hanseatic merchants kept a large depot at _____.",
            answer: "Bergen",
        },
        build: Build::EntityCloze(cloze),
    },
    Form {
        name: "cause",
        about: "\"Why did …?\" for a clause with its cause (\"… because …\", \"Because \
                …, …\")",
        example: Example {
            text: "The townsmen raised the walls of Lübeck in 1227 because pirates raided the coast every summer.",
            prompt: "Why did the townsmen raise the walls of Lübeck in 1227?",
            answer: "pirates raided the coast every summer",
        },
        build: Build::Clause(cause_either_side),
    },
    Form {
        name: "effect",
        about: "\"What did X lead to?\" for \"X led to Y\", \"X caused Y\", \"X resulted in Y\"",
        example: Example {
            text: "The famine of 1315 led to a sharp rise in the price of grain.",
            prompt: "What did the famine of 1315 lead to?",
            answer: "a sharp rise in the price of grain",
        },
        build: Build::Clause(effect_question),
    },
    Form {
        name: "event_date",
        about: "the date right after an event's name (\"the Treaty of X (1689)\" → \
                \"In what year was the Treaty of X signed?\")",
        example: Example {
            text: "The Treaty of Nerchinsk (1689) fixed the border along the Argun river.",
            prompt: "In what year was the Treaty of Nerchinsk signed?",
            answer: "1689",
        },
        build: Build::Entity(event_date_question),
    },
    Form {
        name: "participle_date",
        about: "the date in a participle phrase after the subject (\"X, fought on 14 June \
                1645, …\" → \"On what date was X fought?\")",
        example: Example {
            text: "Lützen, fought on 16 November 1632 in thick fog, cost the Swedes their king.",
            prompt: "On what date was Lützen fought?",
            answer: "16 November 1632",
        },
        build: Build::Entity(participle_date_question),
    },
];

/// The forms' names, in the order of [`REGISTRY`].
pub(super) const NAMES: [&str; REGISTRY.len()] = names();

const fn names() -> [&'static str; REGISTRY.len()] {
    let mut out = [""; REGISTRY.len()];
    let mut i = 0;
    while i < REGISTRY.len() {
        out[i] = REGISTRY[i].name;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::candidates::candidates;
    use super::super::text::Document;
    use super::super::{candidate_features, quality};
    use super::*;

    /// The fixture texts of the generator's tests.
    const FIXTURES: &[&str] = &[
        include_str!("../../tests/fixtures/generate/chatter.txt"),
        include_str!("../../tests/fixtures/generate/choices.txt"),
        include_str!("../../tests/fixtures/generate/huguenots.txt"),
        include_str!("../../tests/fixtures/generate/irregular.txt"),
        include_str!("../../tests/fixtures/generate/lists_and_relatives.txt"),
        include_str!("../../tests/fixtures/generate/pronoun_scope.txt"),
        include_str!("../../tests/fixtures/generate/pronouns.txt"),
        include_str!("../../tests/fixtures/generate/shapes.txt"),
        include_str!("../../tests/fixtures/generate/shorter.txt"),
        include_str!("../../tests/fixtures/generate/sino_soviet.txt"),
        include_str!("../../tests/fixtures/generate/split.txt"),
        include_str!("../../tests/fixtures/generate/unicode.txt"),
    ];

    #[test]
    fn every_form_makes_the_card_of_its_example() {
        for form in REGISTRY {
            let ex = &form.example;
            // Through the generator: its candidates after the guard, with their form.
            let cards = candidate_features("", ex.text);
            assert!(
                cards
                    .iter()
                    .any(|c| c.form == form.name && c.prompt == ex.prompt && c.answer == ex.answer),
                "form {:?}: {:?} should make {:?} => {:?}; it makes:\n{}",
                form.name,
                ex.text,
                ex.prompt,
                ex.answer,
                cards
                    .iter()
                    .map(|c| format!("  {} | {} => {}", c.form, c.prompt, c.answer))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }

    #[test]
    fn every_form_is_described_once() {
        let mut seen = HashSet::new();
        for form in REGISTRY {
            assert!(seen.insert(form.name), "{} is registered twice", form.name);
            assert!(
                !form.name.is_empty()
                    && form
                        .name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_'),
                "{:?}: a name is a feature name, lowercase words joined by _",
                form.name
            );
            assert!(
                !form.about.is_empty() && !form.about.contains('\n'),
                "{}: one line on what it asks",
                form.name
            );
        }
    }

    /// The quality model's weights are stored in the order of the forms: a form
    /// moved or renamed would silently take another form's weight.
    #[test]
    fn the_forms_keep_the_order_of_the_model_features() {
        assert_eq!(
            NAMES,
            [
                "clause",
                "nominal",
                "relative",
                "relative_time",
                "appositive_place",
                "appositive_person",
                "role",
                "known_as",
                "existential",
                "term",
                "cloze",
                "cause",
                "effect",
                "event_date",
                "participle_date",
            ],
            "append new forms at the end and retrain the quality model"
        );
        assert_eq!(quality::FORMS, NAMES.as_slice());
        let forms: Vec<String> = quality::feature_names()
            .into_iter()
            .filter_map(|f| f.strip_prefix("form_").map(str::to_string))
            .collect();
        assert_eq!(forms, NAMES);
        assert!(quality::shipped_model_fits());
    }

    #[test]
    fn every_form_a_candidate_carries_is_registered() {
        let examples = REGISTRY.iter().map(|f| f.example.text);
        let mut made = HashSet::new();
        for text in FIXTURES.iter().copied().chain(examples) {
            for c in candidates(&Document::analyse(text)).0 {
                assert!(
                    NAMES.contains(&c.form),
                    "{:?} ({}) was made by the unregistered form {:?}",
                    c.prompt,
                    c.answer,
                    c.form
                );
                made.insert(c.form);
            }
        }
        // And every registered form is called by the candidate step.
        for name in NAMES {
            assert!(made.contains(name), "no candidate of the form {name}");
        }
    }
}
