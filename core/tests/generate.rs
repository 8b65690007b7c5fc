//! Card generation on fixture texts written for these tests (core/tests/fixtures/generate/).

use std::collections::HashSet;

use clio_core::generate::{
    candidate_features, generate, generate_with_library, quality, suggest, suggestion_cap, Card,
    CardKind, GenerateOptions, LibraryContext,
};

const SINO_SOVIET: &str = include_str!("fixtures/generate/sino_soviet.txt");
const IRREGULAR: &str = include_str!("fixtures/generate/irregular.txt");
const PRONOUNS: &str = include_str!("fixtures/generate/pronouns.txt");
const CHATTER: &str = include_str!("fixtures/generate/chatter.txt");
const UNICODE: &str = include_str!("fixtures/generate/unicode.txt");
const HUGUENOTS: &str = include_str!("fixtures/generate/huguenots.txt");
const SPLIT: &str = include_str!("fixtures/generate/split.txt");
const PRONOUN_SCOPE: &str = include_str!("fixtures/generate/pronoun_scope.txt");
const LISTS: &str = include_str!("fixtures/generate/lists_and_relatives.txt");
const CHOICES: &str = include_str!("fixtures/generate/choices.txt");
const ALL: &[&str] = &[
    SINO_SOVIET,
    IRREGULAR,
    PRONOUNS,
    CHATTER,
    UNICODE,
    HUGUENOTS,
    SPLIT,
    PRONOUN_SCOPE,
    LISTS,
    CHOICES,
    SHORTER,
    SHAPES,
];

/// The cards of a text, no true/false statements: which card becomes a statement
/// depends on its place in the ranking, and these tests pin question forms.
fn cards(text: &str) -> Vec<Card> {
    generate(
        text,
        &GenerateOptions {
            true_false: false,
            ..GenerateOptions::default()
        },
    )
}

/// Every card the question forms and the cloze write for a text and the guard lets
/// through, before one is chosen per fact: what a test of a question form looks
/// at. (Of a fact answered by a name, the ranking shows the cloze rather than a
/// "Who"/"What"/"Where" question; the form is still tested here.)
fn written(text: &str) -> Vec<Card> {
    candidate_features("", text)
        .into_iter()
        .map(|c| Card {
            kind: c.kind,
            prompt: c.prompt,
            answer: c.answer,
            choices: Vec::new(),
            source_sentence: c.sentence,
            span_start: 0,
            span_end: 0,
            score: c.keep,
        })
        .collect()
}

/// Lower case, punctuation as spaces, no articles.
fn norm(s: &str) -> Vec<String> {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap()
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "a" | "an" | "the"))
        .map(str::to_string)
        .collect()
}

fn find<'a>(cards: &'a [Card], prompt: &str) -> &'a Card {
    cards
        .iter()
        .find(|c| c.prompt == prompt)
        .unwrap_or_else(|| {
            panic!(
                "no card {prompt:?}; cards:\n{}",
                cards
                    .iter()
                    .map(|c| format!("{} -> {}", c.prompt, c.answer))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

#[test]
fn the_soviet_withdrawal_gives_the_year_question() {
    let cs = cards(SINO_SOVIET);
    let c = find(
        &cs,
        "In what year did the Soviet Union withdraw its advisers and aid from China?",
    );
    assert_eq!(c.answer, "1960");
    assert!(c
        .source_sentence
        .starts_with("The culmination of this conflict came in 1960"));
    // And the neighbours: the founding year, a month and year, a person by title.
    assert_eq!(
        find(
            &cs,
            "In what year did Mao Zedong proclaim the People's Republic of China?"
        )
        .answer,
        "1949"
    );
    assert_eq!(
        find(
            &cs,
            "When did border clashes break out along the Ussuri River?"
        )
        .answer,
        "March 1969"
    );
    assert_eq!(
        find(&cs, "Which Soviet premier denounced Stalin in 1956?").answer,
        "Nikita Khrushchev"
    );
}

#[test]
fn event_nouns_relative_clauses_and_unresolved_subjects() {
    let cs = cards(SPLIT);
    // "the founding of X in 1949" → a passive question.
    assert_eq!(
        find(
            &cs,
            "In what year was the People's Republic of China founded?"
        )
        .answer,
        "1949"
    );
    // ", who denounced …" → a question on the person, by title.
    assert_eq!(
        find(
            &cs,
            "Which Soviet premier denounced Stalin's cult of personality?"
        )
        .answer,
        "Nikita Khrushchev"
    );
    // "This helped Mao defeat …": "this" has no clear referent, the passive keeps the fact.
    assert_eq!(
        find(
            &cs,
            "Mao was helped to defeat the Nationalist armies of _____."
        )
        .answer,
        "Chiang Kai-shek"
    );
    // "It also brought hardship, as X and Y caused famine": the clause after "as" stands alone.
    assert!(
        cs.iter().any(|c| c.answer == "Great Leap Forward"
            && c.prompt
                .starts_with("The _____ and the Cultural Revolution caused")),
        "{cs:#?}"
    );
    assert!(
        cs.iter().any(|c| c.answer == "Cultural Revolution"),
        "{cs:#?}"
    );
}

#[test]
fn irregular_verbs_get_do_support() {
    let cs = cards(IRREGULAR);
    for (prompt, answer) in [
        ("In what year did the Thirty Years' War begin?", "1618"),
        (
            "In what year did the Prussians fight the Austrians at Leuthen?",
            "1757",
        ),
        ("In what year did Napoleon take Moscow?", "1812"),
        (
            "In what year did Garibaldi lead the Expedition of the Thousand?",
            "1860",
        ),
        (
            "In what year did Wellington win the Battle of Waterloo?",
            "1815",
        ),
        (
            "In what year did the Ottomans withdraw from Vienna?",
            "1683",
        ),
    ] {
        assert_eq!(find(&cs, prompt).answer, answer);
    }
    // No past tense left after "did".
    for c in &cs {
        let words: Vec<&str> = c.prompt.split_whitespace().collect();
        for w in words.windows(3) {
            if w[0] == "did" {
                for past in ["began", "fought", "took", "led", "won", "withdrew"] {
                    assert!(w[2] != past && w[1] != past, "{}", c.prompt);
                }
            }
        }
    }
}

#[test]
fn a_verb_in_the_present_agrees_with_its_subject_and_a_fronted_phrase_keeps_its_participle() {
    let prompts = candidate_prompts(
        "The Gothic War",
        "The Goths sacked Milan in 539; Procopius claims 300,000 men were killed, a figure \
         nobody believes.\n\nIn his memoirs, published after the war, Falkenhayn quoted a \
         memorandum he had sent to the Kaiser around Christmas 1915.",
    );
    // Round 41 asked "How many men do Procopius claim …?".
    assert!(
        prompts.contains(&"How many men does Procopius claim were killed?".to_string()),
        "{prompts:#?}"
    );
    // Round 41 dropped "In his memoirs," and left "Published after the war, _____
    // quoted …"; nor is a feast cut from its year ("around _____ 1915").
    assert!(
        !prompts
            .iter()
            .any(|p| p.starts_with("Published") || p.contains("_____ 1915")),
        "{prompts:#?}"
    );
}

#[test]
fn pronouns_are_resolved_or_the_sentence_is_skipped() {
    let cs = cards(PRONOUNS);
    // "He unified Germany in 1871" → the person of the sentence before.
    let c = cs
        .iter()
        .find(|c| c.answer == "1871")
        .expect("a card for 1871");
    assert!(
        c.prompt.contains("Otto von Bismarck unify Germany"),
        "{}",
        c.prompt
    );
    // "It was a turning point…", "They met again in 1878…", "This changed … in 1890": no referent.
    for c in &cs {
        assert!(!c.source_sentence.starts_with("It was"), "{c:?}");
        assert!(!c.source_sentence.starts_with("They met"), "{c:?}");
        assert!(!c.source_sentence.starts_with("This changed"), "{c:?}");
    }
    for text in ALL {
        for c in cards(text) {
            let first = norm(&c.prompt).into_iter().next().unwrap_or_default();
            assert!(
                ![
                    "he", "she", "it", "they", "this", "these", "those", "his", "her", "its",
                    "their", "him", "them"
                ]
                .contains(&first.as_str()),
                "{}",
                c.prompt
            );
        }
    }
}

#[test]
fn the_answer_never_shows_in_the_prompt_and_is_short() {
    for text in ALL {
        for c in cards(text) {
            let a = norm(&c.answer);
            let p = norm(&c.prompt);
            assert!(!a.is_empty());
            if c.kind != CardKind::TrueFalse {
                assert!(
                    !p.windows(a.len()).any(|w| w == a.as_slice()),
                    "answer {:?} in {:?}",
                    c.answer,
                    c.prompt
                );
            }
            assert!(c.answer.split_whitespace().count() <= 6, "{}", c.answer);
            if matches!(c.kind, CardKind::Question) {
                assert!(c.prompt.ends_with('?'), "{}", c.prompt);
            }
            if c.kind == CardKind::Cloze {
                assert!(c.prompt.contains("_____"), "{}", c.prompt);
            }
        }
    }
}

#[test]
fn greetings_and_summaries_give_no_cards() {
    assert!(cards(CHATTER).is_empty(), "{:?}", cards(CHATTER));
    assert!(cards("").is_empty());
    assert!(cards("In summary, Napoleon lost the war in 1815.").is_empty());
}

/// A question in the text states no fact: no card is cut from it, while the
/// statement after it still gives its cards.
#[test]
fn a_question_in_the_text_gives_no_card() {
    let cs = written(
        "Why was Corinth sacked in 146 BC? The consul Lucius Mummius sacked Corinth in 146 BC.",
    );
    assert!(
        cs.iter().all(|c| !c.source_sentence.starts_with("Why")),
        "{}",
        show(&cs)
    );
    assert!(
        cs.iter()
            .any(|c| c.source_sentence.starts_with("The consul")),
        "{}",
        show(&cs)
    );
}

#[test]
fn multiple_choice_has_four_distinct_choices_of_the_answers_type() {
    let cs = cards(&[SINO_SOVIET, HUGUENOTS, IRREGULAR].join("\n\n"));
    let mc: Vec<&Card> = cs
        .iter()
        .filter(|c| c.kind == CardKind::MultipleChoice)
        .collect();
    assert!(!mc.is_empty());
    for c in &mc {
        assert_eq!(c.choices.len(), 4, "{c:?}");
        let distinct: HashSet<Vec<String>> = c.choices.iter().map(|x| norm(x)).collect();
        assert_eq!(distinct.len(), 4, "{c:?}");
        assert_eq!(
            c.choices.iter().filter(|x| **x == c.answer).count(),
            1,
            "{c:?}"
        );
        if let Ok(year) = c.answer.parse::<i32>() {
            for x in &c.choices {
                let y: i32 = x
                    .parse()
                    .unwrap_or_else(|_| panic!("{x} is not a year: {c:?}"));
                assert!((y - year).abs() <= 40, "{c:?}");
            }
        }
    }
    assert!(
        mc.iter().any(|c| c.answer.parse::<i32>().is_ok()),
        "a year question among the multiple choice"
    );
    for c in &cs {
        if c.kind != CardKind::MultipleChoice && c.kind != CardKind::TrueFalse {
            assert!(c.choices.is_empty());
        }
    }
}

#[test]
fn distractors_come_from_the_library_when_the_document_has_too_few() {
    let text = "Napoleon Bonaparte crowned himself emperor in 1804. The coronation was held at Notre-Dame.";
    let options = GenerateOptions {
        multiple_choice: true,
        ..GenerateOptions::default()
    };
    let library = LibraryContext::from_texts([
        "Otto von Bismarck and Wilhelm Friedrich met Giuseppe Garibaldi and Karl Marx.",
    ]);
    let alone = generate(text, &options);
    assert!(!alone
        .iter()
        .any(|c| c.answer == "Napoleon Bonaparte" && c.kind == CardKind::MultipleChoice));
    // Every card can become multiple choice once the library offers people.
    let all: Vec<Card> = generate_with_library(text, &options, &library);
    let who = all
        .iter()
        .find(|c| c.answer == "Napoleon Bonaparte")
        .expect("a card on Napoleon");
    let d = clio_core::generate::distractors_for(text, &library, &who.answer, &who.prompt);
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(
        d.iter().all(|x| [
            "Otto von Bismarck",
            "Wilhelm Friedrich",
            "Giuseppe Garibaldi",
            "Karl Marx"
        ]
        .contains(&x.as_str())),
        "{d:?}"
    );
}

#[test]
fn spans_are_code_points_of_the_source_sentence() {
    for text in ALL {
        let chars: Vec<char> = text.chars().collect();
        for c in cards(text) {
            let s: String = chars[c.span_start..c.span_end].iter().collect();
            assert_eq!(s, c.source_sentence);
        }
    }
    let cs = cards(UNICODE);
    let c = cs
        .iter()
        .find(|c| c.source_sentence.starts_with("Lech Wałęsa"))
        .expect("a card on Wałęsa");
    let start = UNICODE.chars().count() - UNICODE[UNICODE.find("Lech").unwrap()..].chars().count();
    assert_eq!(c.span_start, start);
    assert!(cs
        .iter()
        .any(|c| c.answer == "Zhōu Ēnlái" || c.prompt.contains("Zhōu Ēnlái")));
    assert!(cs
        .iter()
        .any(|c| c.prompt.contains("Günter Grass") || c.answer == "Günter Grass"));
}

#[test]
fn the_same_text_gives_the_same_cards() {
    for text in ALL {
        let a = serde_json::to_string(&cards(text)).unwrap();
        let b = serde_json::to_string(&cards(text)).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn no_duplicates_or_near_duplicates_and_best_first() {
    for text in ALL {
        let cs = cards(text);
        let mut seen = HashSet::new();
        let mut facts = HashSet::new();
        for w in cs.windows(2) {
            assert!(w[0].score >= w[1].score);
        }
        for c in &cs {
            assert!(
                seen.insert(norm(&c.prompt)),
                "duplicate prompt {}",
                c.prompt
            );
            if c.kind != CardKind::TrueFalse {
                assert!(
                    facts.insert((c.span_start, norm(&c.answer))),
                    "two cards on one fact: {} -> {}",
                    c.prompt,
                    c.answer
                );
            }
        }
    }
    // The same sentence twice in a text gives its cards once.
    let twice = format!("{IRREGULAR}\n{IRREGULAR}");
    let once = cards(IRREGULAR).len();
    assert_eq!(cards(&twice).len(), once);
}

#[test]
fn cards_serialise_in_camel_case_with_snake_case_kinds() {
    let cs = cards(SINO_SOVIET);
    let v = serde_json::to_value(&cs[0]).unwrap();
    for key in [
        "kind",
        "prompt",
        "answer",
        "choices",
        "sentence",
        "spanStart",
        "spanEnd",
        "score",
    ] {
        assert!(v.get(key).is_some(), "{key} in {v}");
    }
    let kinds: HashSet<String> = cs
        .iter()
        .map(|c| {
            serde_json::to_value(c.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        kinds
            .iter()
            .all(|k| ["question", "cloze", "multiple_choice", "true_false"].contains(&k.as_str())),
        "{kinds:?}"
    );
}

#[test]
fn options_limit_and_select_the_kinds() {
    let none = GenerateOptions {
        max_cards: 3,
        multiple_choice: false,
        true_false: false,
        cloze: false,
    };
    let cs = generate(HUGUENOTS, &none);
    assert_eq!(cs.len(), 3);
    assert!(cs.iter().all(|c| c.kind == CardKind::Question));
}

#[test]
fn typescript_types_use_numbers_and_string_kinds() {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    let card = Card::decl(&cfg);
    assert!(card.contains("spanStart: number"), "{card}");
    assert!(card.contains("sentence: string"), "{card}");
    assert!(!card.contains("bigint"), "{card}");
    let kind = CardKind::decl(&cfg);
    assert!(kind.contains("\"multiple_choice\""), "{kind}");
}

const SHORTER: &str = include_str!("fixtures/generate/shorter.txt");
const SHAPES: &str = include_str!("fixtures/generate/shapes.txt");

/// The prompts of all the candidates of a text, not only the suggested ones.
fn candidate_prompts(title: &str, text: &str) -> Vec<String> {
    candidate_features(title, text)
        .into_iter()
        .map(|c| c.prompt)
        .collect()
}

/// The question (not the cloze) whose answer is `answer`.
fn question_for<'a>(cards: &'a [Card], answer: &str) -> &'a Card {
    cards
        .iter()
        .find(|c| c.answer == answer && !c.prompt.contains("_____"))
        .unwrap_or_else(|| panic!("no question for {answer:?}:\n{}", show(cards)))
}

fn show(cards: &[Card]) -> String {
    cards
        .iter()
        .map(|c| format!("{:?} {} -> {}", c.kind, c.prompt, c.answer))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_part_of_a_period_is_asked_about_as_the_period() {
    let cs = cards(SHORTER);
    let c = find(
        &cs,
        "In what century did the guild system of the river towns take shape?",
    );
    assert_eq!(c.answer, "13th century");
    // Asked, not made a cloze; whether it becomes multiple choice depends on its rank.
    assert!(
        matches!(c.kind, CardKind::Question | CardKind::MultipleChoice),
        "{:?}",
        c.kind
    );
}

#[test]
fn a_prepositional_object_gets_a_stranded_preposition() {
    let cs = written(SHORTER);
    let c = find(
        &cs,
        "What did the merchants of Lübeck replace their old faith with?",
    );
    assert_eq!(c.answer, "Lutheranism");
    // No stranded preposition after a comma or a second preposition.
    assert!(
        !cs.iter().any(|c| c.kind == CardKind::Question
            && c.prompt.contains(", ")
            && (c.prompt.ends_with(" with?") || c.prompt.ends_with(" as?"))),
        "{}",
        show(&cs)
    );
}

#[test]
fn countries_are_asked_about_as_which_country() {
    let cs = cards(SHORTER);
    let c = find(
        &cs,
        "Which country rationed bread and salt during the long siege?",
    );
    assert_eq!(c.answer, "Sweden");
    // Not "Which country was the country …".
    assert!(
        !cs.iter()
            .any(|c| c.prompt.starts_with("Which country") && c.answer == "Portugal"),
        "{}",
        show(&cs)
    );
}

#[test]
fn clozes_drop_brackets_trailing_appositions_and_fronted_phrases() {
    let cs = cards(SHORTER);
    let year = cs
        .iter()
        .find(|c| c.answer == "1356")
        .unwrap_or_else(|| panic!("no card on 1356:\n{}", show(&cs)));
    // The bracket goes; the short sentence is otherwise blanked whole, its trailing
    // apposition kept (judges kept whole sentences more often than cut ones).
    assert!(!year.prompt.contains("Hansestädte"), "{}", year.prompt);
    assert_eq!(
        year.prompt,
        "The Hanseatic towns held their first general diet in _____, a meeting of delegates from many ports."
    );
    let hall = cs
        .iter()
        .find(|c| c.answer == "1358" && c.prompt.contains("_____"))
        .unwrap_or_else(|| panic!("no cloze on 1358:\n{}", show(&cs)));
    assert!(!hall.prompt.starts_with("According to"), "{}", hall.prompt);
    assert!(hall.prompt.starts_with("The delegates"), "{}", hall.prompt);
}

#[test]
fn a_date_in_a_relative_clause_is_asked_about_its_antecedent() {
    // The form's card as written (the ranking may later make it a choice).
    let cs = written(SHORTER);
    let c = find(
        &cs,
        "In what year did the Duchy of Lorraine pass to a new line of dukes?",
    );
    assert_eq!(c.answer, "959");
    assert_eq!(c.kind, CardKind::Question);
}

#[test]
fn a_cloze_cut_after_the_answer_keeps_its_verb() {
    let cs = cards(SHORTER);
    for c in cs.iter().filter(|c| c.prompt.contains("_____")) {
        if c.source_sentence.starts_with("The envoys") {
            assert!(c.prompt.contains("signed"), "{}", c.prompt);
        }
    }
    assert!(
        cs.iter()
            .any(|c| c.source_sentence.starts_with("The envoys")),
        "{}",
        show(&cs)
    );
}

#[test]
fn modifiers_between_a_preposition_and_the_answer_go_with_it() {
    let cs = written(SHAPES);
    assert_eq!(
        find(&cs, "Where did the Ottoman army march?").answer,
        "Hungary"
    );
    // An office before a name makes it a person: "By whom", not "What".
    assert_eq!(
        find(&cs, "By whom was the rebellion crushed?").answer,
        "Agricola"
    );
}

#[test]
fn passive_agents_are_asked_with_by_whom() {
    let cs = written(SHAPES);
    // "and founded …" joins a second predicate: the question stops at the agent.
    assert_eq!(
        find(&cs, "By whom were the monks protected?").answer,
        "Charlemagne"
    );
    assert!(
        !cs.iter()
            .any(|c| !c.prompt.contains("_____") && c.prompt.contains("and founded")),
        "{}",
        show(&cs)
    );
    // A perfect passive keeps its auxiliary and "been".
    assert_eq!(
        find(&cs, "By whom was the city besieged for months?").answer,
        "Saladin"
    );
    assert_eq!(
        find(&cs, "To whom was the island sold?").answer,
        "Hanseatic League"
    );
}

#[test]
fn a_person_before_an_office_and_a_person_named_are_asked_with_who() {
    let cs = written(SHAPES);
    assert_eq!(
        find(&cs, "Who did King Henry appoint archbishop of Canterbury?").answer,
        "Thomas Becket"
    );
    // "A Frankish monk named Alcuin taught …": the irregular past stays as written.
    // ("Who taught the sons of the king?" is refused now: a short question about its
    // subject that names nothing has many answers; the cloze keeps the fact.)
    assert!(
        cs.iter()
            .any(|c| c.answer == "Alcuin" && c.prompt.contains(" taught ")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_fronted_date_without_a_comma_is_the_intro() {
    let cs = cards(SHAPES);
    // Irregular verb: "took" → "did … take".
    assert_eq!(
        find(&cs, "In what year did the Ottomans take Constantinople?").answer,
        "1453"
    );
    // "the first elected congress": a participle after an ordinal is no verb.
    assert_eq!(
        find(
            &cs,
            "On what date did the first elected congress declare independence?"
        )
        .answer,
        "4 July 1776"
    );
    // "In 1190 he drowned": the pronoun after the date is resolved.
    assert_eq!(
        find(
            &cs,
            "In what year did Frederick Barbarossa drown in the Saleph river?"
        )
        .answer,
        "1190"
    );
}

#[test]
fn a_place_located_by_an_appositive_is_asked_where() {
    let cs = cards(SHAPES);
    assert_eq!(find(&cs, "In which country is Verdun?").answer, "France");
}

#[test]
fn a_relative_clause_inside_the_subject_gives_no_question() {
    let cs = cards(SHAPES);
    // The relative's verb ("were carried") is never taken for the main verb: a
    // question keeps the whole subject, "the route by which the letters were carried".
    assert!(
        !cs.iter().any(|c| !c.prompt.contains("_____")
            && c.prompt.contains("by which")
            && !c
                .prompt
                .contains("the route by which the letters were carried changed")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_fronted_date_with_a_comma_inside_is_one_phrase() {
    let cs = cards(SHAPES);
    assert_eq!(
        find(
            &cs,
            "On what date did the German delegates sign the treaty at Versailles?"
        )
        .answer,
        "June 28, 1919"
    );
    // An acronym opening the subject keeps its capitals.
    assert!(
        cs.iter()
            .all(|c| !c.prompt.contains(" us envoys") && !c.prompt.contains("did us ")),
        "{}",
        show(&cs)
    );
}

/// "had ended" is asked as "did … end": judges read a pluperfect question as a
/// wrong auxiliary.
#[test]
fn a_fronted_date_asks_about_a_verb_with_nothing_after_it() {
    let cs = cards(SHAPES);
    assert_eq!(
        find(&cs, "By what year did the long war end?").answer,
        "1648"
    );
    // Irregular verb: "fell" → "did … fall".
    assert_eq!(
        find(&cs, "By what year did the old empire fall?").answer,
        "1453"
    );
}

#[test]
fn an_apposition_of_people_asks_who_was_whose() {
    let cs = written(SHAPES);
    assert_eq!(
        find(&cs, "Who was Queen Victoria's successor?").answer,
        "Edward VII"
    );
    assert_eq!(find(&cs, "Who was Willem's son?").answer, "Piet Hein");
    assert_eq!(find(&cs, "Whose daughter was Adela?").answer, "William");
}

#[test]
fn citations_and_examples_stay_out_of_questions() {
    let cs = written(SHAPES);
    assert_eq!(
        find(
            &cs,
            "In what year did Prince Rupert arrange a truce with the Dutch?"
        )
        .answer,
        "1667"
    );
    assert_eq!(
        find(&cs, "Where did the Venetians build fortresses?").answer,
        "Dalmatia"
    );
}

#[test]
fn people_are_asked_about_with_who() {
    let cs = written(SHAPES);
    // "married" takes a person as its object.
    assert_eq!(
        find(&cs, "Who did the young count marry?").answer,
        "Ermengarde of Anjou"
    );
    // A title as the subject's noun is asked with "Who", not "What"; but "the
    // young count" names nobody, so that card is not written at all.
    for prompt in [
        "Who married Ermengarde of Anjou?",
        "What married Ermengarde of Anjou?",
    ] {
        assert!(cs.iter().all(|c| c.prompt != prompt), "{prompt}");
    }
}

#[test]
fn amounts_are_asked_with_how_many_and_how_much() {
    let cs = cards(SHAPES);
    // "an estimated" goes with the number; "killed" (regular) → "did … kill".
    assert_eq!(
        find(&cs, "How many peasants did the famine kill?").answer,
        "two million"
    );
    // Nothing counted after the number: "How many did …".
    assert_eq!(
        find(&cs, "How many did the plague of 1630 kill in Milan?").answer,
        "46,000"
    );
    // Irregular verb: "spent" → "did … spend".
    assert_eq!(
        find(&cs, "How much did the king spend on the new palace?").answer,
        "over $40 million"
    );
    // A small bare number says too little to ask about.
    assert!(!cs.iter().any(|c| c.answer == "two"), "{}", show(&cs));
}

#[test]
fn more_time_phrases_become_questions() {
    let cs = cards(SHAPES);
    assert_eq!(
        find(
            &cs,
            "To what year did the oldest part of the castle date back?"
        )
        .answer,
        "1210"
    );
    // "Around 1410, …": the approximating word is the preposition.
    assert_eq!(
        find(
            &cs,
            "In what year was a Czech version of the Psalms prepared by a Prague scholar?"
        )
        .answer,
        "around 1410",
        "the answer keeps the hedge the question lost"
    );
    assert_eq!(
        find(&cs, "Until what year did the revolt continue?").answer,
        "1436"
    );
    // The end of a "from … to …" range is no "To what year".
    assert!(
        !cs.iter()
            .any(|c| c.prompt.starts_with("To what") && c.answer == "1790"),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_state_from_a_time_is_asked_from_when_an_act_at_its_time() {
    let cs = written(
        "George Grenville, who headed the ministry from 1763, wanted the colonists to pay.\n\n\
         From 1532 Münster was ruled by its prince-bishop, Franz von Waldeck.\n\n\
         From 1 February 1940 the Red Army launched a better-prepared offensive on the isthmus.",
    );
    assert_eq!(
        find(
            &cs,
            "From what year did George Grenville head the ministry?"
        )
        .answer,
        "1763"
    );
    assert!(
        cs.iter().any(|c| c.prompt.starts_with("From what year was Münster ruled")
            && c.answer == "1532"),
        "{}",
        show(&cs)
    );
    assert_eq!(
        find(
            &cs,
            "When did the Red Army launch a better-prepared offensive on the isthmus?"
        )
        .answer,
        "1 February 1940"
    );
    assert!(
        !cs.iter().any(|c| c.prompt.starts_with("In what year")
            && matches!(c.answer.as_str(), "1763" | "1532")),
        "{}",
        show(&cs)
    );
}

#[test]
fn appositions_copulas_and_attributes() {
    let cs = written(SHAPES);
    // "Jan Hus, a preacher at …, was burned …": the apposition leaves the question.
    assert_eq!(
        find(&cs, "Who was burned at Constance in 1415?").answer,
        "Jan Hus"
    );
    // "was however X": the adverb goes with the answer.
    assert_eq!(
        find(&cs, "Who was the first governor of the colony?").answer,
        "Pieter Stuyvesant"
    );
    // "had a population of 40,000" (irregular "had") → "What was the population of …?"
    assert_eq!(
        find(&cs, "What was the population of the city in 1500?").answer,
        "40,000"
    );
    // A place and its region are no list; a nationality keeps its capital.
    assert_eq!(
        find(&cs, "Where did Flemish weavers flock?").answer,
        "Norwich"
    );
}

#[test]
fn sentence_and_clause_edges_stay_clean() {
    let cs = written(SHAPES);
    // "Sweden's." ends a sentence: a possessive is no initial.
    assert!(
        cs.iter()
            .all(|c| !c.source_sentence.contains("Sweden's. Another")),
        "{}",
        show(&cs)
    );
    // A question stops before a "when" clause.
    assert_eq!(find(&cs, "When did the revolt begin?").answer, "May 1358");
    // A participle phrase or a "where" clause is no subject, and is no cloze
    // without the clause it belongs to.
    assert!(
        !cs.iter().any(|c| c.prompt.contains("did based")
            || c.prompt.contains("had where")
            || c.prompt.starts_with("Based on") && !c.prompt.contains(", historians estimated")),
        "{}",
        show(&cs)
    );
}

#[test]
fn relatives_before_a_name_and_two_fronted_phrases() {
    let cs = written(SHAPES);
    // "his son Duncan": the relation goes with the person asked for.
    assert_eq!(
        find(&cs, "Who did the king surrender as a hostage?").answer,
        "Duncan"
    );
    // "In 1064, during the siege of Barbastro, X led …": both phrases are skipped.
    assert_eq!(
        find(&cs, "In 1064, who led the papal army?").answer,
        "William of Montreuil"
    );
}

#[test]
fn an_adverb_before_the_subject_is_left_out() {
    let cs = cards(SHAPES);
    assert_eq!(
        find(
            &cs,
            "In what year did Henry return from his exile in Anjou?"
        )
        .answer,
        "1157"
    );
}

/// Sentences written for the rules of issue #4 (gen2).
const GEN2: &str = "The army crossed the river in 1420, and in 1425 the old fortress of Tarnow was rebuilt by the duke. \
Margrave Otto of Brandis, who later became Elector of Saxony, emerged as the main rival of the bishop. \
The merchants of the guild attained the charter of Lindau. \
Approximately two thousand craftsmen in the valley joined the revolt. \
Peace returned to the valley long before the Hussites signed a treaty with the crown. \
Most Frisian towns stayed loyal, and by 1370 Groningen had been exporting salted herring for decades. \
The mechanism by which the fever spread was established in 1898 by Paul Simond. \
The treaty that ended the long war with Denmark was signed at Stralsund in 1370. \
In Flanders, it was not until 1604 that the guild was first called the Hanse of London. \
It was only in 1322 that the Teutonic knights gained full control of the island. \
Probably as the result of the famine, the Frisians entered the valley as settlers in 1017. \
Ghent was among the richest of the \"good towns\" of the county. \
Baldwin (crowned count in 1191) was the son of Margaret of Alsace. \
Around 1300, a Latin gospel book was copied by the Cistercian monk, Walter of Kirkham. \
The abbey was later granted to his younger brother Conrad. \
A series of peasant wars followed, known as the Hussite Wars. \
The merchants formed a league of towns known as the Hanse. \
In 1395 Wenceslas became the duke of Milan. \
Fevers that may have included typhus killed an estimated 40,000 Flemings and other townsmen during the siege. \
Before 1350, there were about 170,000 villages in Saxony. \
In 1127, according to Galbert of Bruges, the burghers of Ghent elected a new count. \
By autumn 1349, the fever reached Lübeck.";

#[test]
fn a_date_fronted_in_a_coordinated_clause_is_its_intro() {
    let cs = cards(GEN2);
    assert_eq!(
        find(
            &cs,
            "In what year was the old fortress of Tarnow rebuilt by the duke?"
        )
        .answer,
        "1425"
    );
    // A progressive "-ing" verb keeps its object: no participle phrase starts there.
    assert_eq!(
        find(
            &cs,
            "By what year had Groningen been exporting salted herring for decades?"
        )
        .answer,
        "1370"
    );
}

#[test]
fn a_relative_clause_in_the_subject_is_left_out_of_the_question() {
    let cs = written(GEN2);
    assert_eq!(
        find(&cs, "Who emerged as the main rival of the bishop?").answer,
        "Margrave Otto of Brandis"
    );
    // … unless too little is left to ask about: "What was divided?" says nothing.
    let cs = written(SHORTER);
    assert!(
        !cs.iter().any(|c| c.prompt == "What was divided?"),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_name_after_the_noun_of_is_asked_with_which_noun() {
    let cs = cards(GEN2);
    assert_eq!(
        find(&cs, "Which charter did the merchants of the guild attain?").answer,
        "Lindau"
    );
    // An office, or a predicate after a linking verb, is no kind to ask "which" about.
    assert!(
        !cs.iter().any(|c| c.prompt.starts_with("Which duke")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_counted_subject_keeps_its_prepositional_phrase() {
    let cs = cards(GEN2);
    assert_eq!(
        find(&cs, "How many craftsmen in the valley joined the revolt?").answer,
        "approximately two thousand"
    );
}

#[test]
fn an_article_after_before_can_open_a_clause() {
    let cs = written(GEN2);
    // The clause after "long before" has a card (the short sentence is blanked
    // whole); the Hussites are people, so "What signed a treaty …?" (the card this
    // test pinned before) is refused.
    assert!(
        cs.iter()
            .any(|c| c.answer == "Hussites" && c.prompt.contains("signed a treaty with the crown")),
        "{}",
        show(&cs)
    );
    assert!(
        cs.iter().all(|c| !c.prompt.starts_with("What signed")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_relative_clause_inside_the_subject_ends_at_the_main_auxiliary() {
    let cs = written(GEN2);
    assert_eq!(
        find(
            &cs,
            "In what year was the mechanism by which the fever spread established by Paul Simond?"
        )
        .answer,
        "1898"
    );
    assert_eq!(
        find(
            &cs,
            "Where was the treaty that ended the long war with Denmark signed in 1370?"
        )
        .answer,
        "Stralsund"
    );
}

#[test]
fn a_cleft_sentence_asks_about_the_clause_after_that() {
    let cs = cards(GEN2);
    assert_eq!(
        find(&cs, "When was the guild first called the Hanse of London?").answer,
        "1604"
    );
    assert_eq!(
        find(
            &cs,
            "In what year did the Teutonic knights gain full control of the island?"
        )
        .answer,
        "1322"
    );
    // No question keeps the empty "it was … that" frame.
    assert!(
        !cs.iter().any(|c| c.prompt.contains(" only that ")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_capitalised_adverb_opens_a_fronted_phrase() {
    let cs = cards(GEN2);
    assert_eq!(
        find(
            &cs,
            "In what year did the Frisians enter the valley as settlers?"
        )
        .answer,
        "1017"
    );
}

#[test]
fn a_whole_quoted_name_may_stand_in_a_question_a_cut_one_may_not() {
    let cs = cards(GEN2);
    let c = cs
        .iter()
        // ("What was among the richest …? → Ghent" is no card: a one-word name
        // asked with "What"; the cloze keeps the quoted name whole.)
        .find(|c| c.prompt.contains("\"good towns\""))
        .unwrap_or_else(|| panic!("{}", show(&cs)));
    assert_eq!(c.answer, "Ghent");
    for c in cs.iter().filter(|c| c.kind != CardKind::Cloze) {
        assert_eq!(c.prompt.matches('"').count() % 2, 0, "{}", c.prompt);
        assert_eq!(
            c.prompt.matches('(').count(),
            c.prompt.matches(')').count(),
            "{}",
            c.prompt
        );
    }
}

#[test]
fn a_person_after_a_description_is_asked_who_was() {
    let cs = written(GEN2);
    assert_eq!(
        find(&cs, "Who was the Cistercian monk?").answer,
        "Walter of Kirkham"
    );
    // A relative needs the person it is related to: no "Who was the younger brother?".
    assert!(
        !cs.iter()
            .any(|c| c.prompt == "Who was the younger brother?"),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_name_given_with_known_as_is_asked_what_was_known_as() {
    let cs = written(GEN2);
    assert_eq!(
        find(&cs, "What was a series of peasant wars known as?").answer,
        "Hussite Wars"
    );
    assert_eq!(
        find(&cs, "What was a league of towns known as?").answer,
        "Hanse"
    );
}

#[test]
fn a_relative_after_a_one_word_subject_and_coordinated_things_counted() {
    let cs = cards(GEN2);
    assert_eq!(
        find(
            &cs,
            "How many Flemings and other townsmen did fevers that may have included typhus kill during the siege?"
        )
        .answer,
        "40,000"
    );
}

#[test]
fn a_count_in_an_existential_sentence_is_asked_how_many_were_there() {
    let cs = cards(GEN2);
    assert_eq!(
        find(&cs, "Before 1350, how many villages were there in Saxony?").answer,
        "about 170,000"
    );
}

#[test]
fn an_attribution_after_a_date_and_a_season_before_a_year() {
    let cs = cards(GEN2);
    assert_eq!(
        find(
            &cs,
            "In what year did the burghers of Ghent elect a new count?"
        )
        .answer,
        "1127"
    );
    assert_eq!(
        find(&cs, "By what year did the fever reach Lübeck?").answer,
        "1349"
    );
}

#[test]
fn a_pronoun_with_two_possible_referents_is_not_guessed() {
    let cs = cards(PRONOUN_SCOPE);
    for c in &cs {
        // "Venice signed a treaty. It ceded …": Venice or the treaty.
        assert!(!c.source_sentence.starts_with("It ceded"), "{c:?}");
        // "The crown passed from Harold to William. He began …": either man.
        assert!(!c.source_sentence.starts_with("He began"), "{c:?}");
        // "Tyler led a revolt …, but it was put down": not Tyler, and not a sentence before.
        assert!(
            !c.prompt.contains("put down") || c.prompt.contains("it was put down"),
            "{c:?}"
        );
    }
}

#[test]
fn a_pronoun_is_resolved_where_the_referent_is_clear() {
    let cs = written(PRONOUN_SCOPE);
    // After "was", the noun is the subject again: "The Hanse was a league. It was dominated …".
    assert_eq!(
        find(
            &cs,
            "The Hanse was dominated for most of its history by the city of _____."
        )
        .answer,
        "Lübeck"
    );
    // The person the sentence before appointed: "Parliament appointed Thomas Fairfax, …".
    assert_eq!(
        find(&cs, "What did Thomas Fairfax win in June 1645?").answer,
        "Battle of Naseby"
    );
    // A possessive after the verb belongs to the subject, not to the sentence before.
    assert_eq!(
        find(
            &cs,
            "In what year did the weavers lose their charter after a long quarrel?"
        )
        .answer,
        "1524"
    );
    assert!(cs.iter().all(|c| !c.prompt.contains("council's charter")));
}

#[test]
fn a_blank_inside_a_list_is_not_asked() {
    // Blind judges called a blank among three or more listed items trivial (the
    // other items make it a guess): such clozes are not made, and none stops
    // inside a list ("…: Austria, _____.").
    let cs = cards(LISTS);
    for c in cs.iter().filter(|c| c.kind == CardKind::Cloze) {
        for item in [", _____,", ", _____ and ", ": _____,", ", _____."] {
            assert!(!c.prompt.contains(item), "{}", c.prompt);
        }
    }
    assert!(!cs.iter().any(|c| c.answer == "Mainz"), "{}", show(&cs));
    // A blank before a relative clause is no list item.
    assert!(
        cs.iter().any(|c| c.answer == "Treaty of Nerchinsk"),
        "{}",
        show(&cs)
    );
}

#[test]
fn an_apposition_with_its_relative_clause_is_no_cloze_alone() {
    for c in cards(LISTS) {
        assert!(!c.prompt.starts_with("A Hindu minister"), "{}", c.prompt);
        assert!(!c.prompt.starts_with("A _____ minister"), "{}", c.prompt);
    }
}

#[test]
fn a_date_in_a_passive_or_perfect_relative_clause_is_asked_without_do_did_be() {
    let cs = cards(LISTS);
    assert_eq!(
        find(&cs, "On what date was the Treaty of Nerchinsk signed?").answer,
        "27 August 1689"
    );
    assert_eq!(
        find(&cs, "In what year did Constantinople fall to the Ottomans?").answer,
        "1453"
    );
    assert!(cs
        .iter()
        .all(|c| !c.prompt.contains(" did the Treaty of Nerchinsk be ")));
    let cs = cards("The canal, which had been opened in 1869, was bought by the company in 1875.");
    assert_eq!(
        find(&cs, "In what year was the canal opened?").answer,
        "1869"
    );
}

#[test]
fn a_participle_phrase_in_the_subject_leaves_the_passive_verb_to_ask_with() {
    let cs = cards("A national army based on conscription was created in 1873, after the old domains had been abolished.");
    assert_eq!(
        find(
            &cs,
            "In what year was a national army based on conscription created?"
        )
        .answer,
        "1873"
    );
}

#[test]
fn a_name_with_a_middle_initial_stays_whole() {
    let cs = written("The sanitation campaign was directed by William C. Gorgas, an army doctor. He drained the swamps in 1905.");
    assert_eq!(
        find(&cs, "By whom was the sanitation campaign directed?").answer,
        "William C. Gorgas"
    );
    assert_eq!(
        find(&cs, "In what year did William C. Gorgas drain the swamps?").answer,
        "1905"
    );
}

#[test]
fn names_get_no_choices_and_a_thing_is_no_person() {
    const PEOPLE: &[&str] = &[
        "Thomas Ismay",
        "Henry Bowring",
        "Joseph Bruce",
        "Clement Griscom",
    ];
    const TOWNS: &[&str] = &[
        "Liverpool",
        "New York",
        "San Francisco",
        "Yokohama",
        "Kent",
        "Devon",
    ];
    const OTHER: &[&str] = &[
        "Pacific Ocean",
        "Tasman Sea",
        "Hakone Fort",
        "Mersey Dam",
        "SS Rangoon",
    ];
    // Names get no choices (judges kept none of the name choices of rounds 5 to 8:
    // drawn from the text, they were of the wrong sort or role); times and numbers
    // do, made to the answer's shape.
    let cs = cards(CHOICES);
    let named = |x: &str| PEOPLE.contains(&x) || TOWNS.contains(&x) || OTHER.contains(&x);
    assert!(
        cs.iter().any(|c| named(&c.answer)),
        "the names are asked: {}",
        show(&cs)
    );
    assert!(
        !cs.iter()
            .any(|c| c.kind == CardKind::MultipleChoice && named(&c.answer)),
        "{}",
        show(&cs)
    );
    // A dam is a thing, not a person: "What supplied …?", not "Who".
    let cs = written(CHOICES);
    assert_eq!(
        find(&cs, "What supplied the docks in Liverpool with water?").answer,
        "Mersey Dam"
    );
    // "sold it to Clement Griscom": a person after "to", not a place.
    assert!(cs
        .iter()
        .all(|c| !c.prompt.starts_with("Where") || c.answer != "Clement Griscom"));
}

#[test]
fn a_relative_time_is_shown_as_the_year_it_means() {
    let cs = written(
        "In 1853 an American squadron under Matthew Perry entered Edo Bay. The shogunate \
         signed the Convention of Kanagawa the following year. The rebels proclaimed a \
         kingdom at Jintian in January 1851. Two years later their armies captured Nanjing.",
    );
    assert_eq!(
        find(&cs, "What did the shogunate sign in 1854?").answer,
        "Convention of Kanagawa"
    );
    assert_eq!(
        find(&cs, "In 1853, what did the rebels' armies capture?").answer,
        "Nanjing"
    );
    assert!(cs
        .iter()
        .all(|c| !c.prompt.contains("following year") && !c.prompt.contains("years later")));
}

#[test]
fn a_name_with_a_persons_apposition_is_asked_with_who() {
    let cs = written(LISTS);
    assert_eq!(
        find(&cs, "In 1556, who did the regent Bairam Khan defeat?").answer,
        "Hemu"
    );
}

#[test]
fn a_second_clause_with_a_named_subject_is_its_own_fact() {
    let cs = cards(
        "Russia wanted to annex most of the former Duchy of Warsaw, and Prussia hoped to \
         receive the whole of Saxony in compensation.",
    );
    assert_eq!(
        find(
            &cs,
            "Which country wanted to annex most of the former Duchy of Warsaw?"
        )
        .answer,
        "Russia"
    );
    assert_eq!(
        find(
            &cs,
            "Which country hoped to receive the whole of Saxony in compensation?"
        )
        .answer,
        "Prussia"
    );
    // "to receive the whole of Saxony" is no place phrase to cut out.
    assert!(cs
        .iter()
        .all(|c| c.prompt != "Where did Prussia hope in compensation?"));
}

#[test]
fn a_blanked_possessive_keeps_its_s_and_a_man_who_resigned_is_a_who() {
    const CRISIS: &str = "The crisis is often seen as the end of Britain's role as a world \
                          power, after Eden resigned in January 1957.";
    let cs = cards(CRISIS);
    assert_eq!(
        find(
            &cs,
            "The crisis is often seen as the end of _____'s role as a world power, after \
             Eden resigned in January 1957."
        )
        .answer,
        "Britain"
    );
    assert_eq!(
        find(&written(CRISIS), "Who resigned in January 1957?").answer,
        "Eden"
    );
}

// ---------------------------------------------------------------------------
// Totality: no text makes the generator panic or take unbounded time. (Release
// builds abort on panic, and the window is the same process.)

/// One run-on sentence of `words` words: names, places, numbers, brackets and
/// pronouns joined by commas and "and", never a full stop until the end.
fn run_on_sentence(words: usize) -> String {
    const PARTS: &[&str] = &[
        "King Henry II of England",
        "took",
        "Normandy",
        "in 1204,",
        "and he",
        "signed the treaty",
        "with the Pope [12]",
        "after 3,000 soldiers",
        "(about 12 percent)",
        "had died at Antioch,",
        "which",
        "the Normans",
        "held until",
        "the following year,",
        "when they",
        "lost it to",
        "Emperor Otto",
        "and",
    ];
    let mut out = String::new();
    let mut n = 0;
    let mut i = 0;
    while n < words {
        let p = PARTS[i % PARTS.len()];
        n += p.split_whitespace().count();
        out.push_str(p);
        out.push(' ');
        i += 1;
    }
    out.push_str("in 1215.");
    out
}

#[test]
fn a_sentence_of_25000_words_gives_cards_from_its_own_words() {
    // It used to take more than ten minutes (a rescan of the sentence per token).
    // A run-on sentence gives no cards of its own (a prompt cut from it reads
    // badly); the sentence after it is still asked about.
    let text = format!(
        "{}\n\nThe Soviet Union withdrew its advisers and aid from China in 1960.",
        run_on_sentence(25_000)
    );
    let cards = cards(&text);
    let chars = text.chars().count();
    for c in &cards {
        assert!(c.span_end <= chars && c.span_start < c.span_end, "{c:?}");
        assert!(!c.prompt.is_empty() && !c.answer.is_empty(), "{c:?}");
    }
    assert!(
        cards
            .iter()
            .any(|c| c.answer == "1960"
                && c.source_sentence.starts_with("The Soviet Union withdrew")),
        "{}",
        show(&cards)
    );
}

#[test]
fn huge_numbers_next_to_other_numbers_do_not_overflow() {
    // Numbers of 13 digits and more beside another number overflowed the
    // arithmetic that makes numeric choices (a panic in debug builds).
    for text in [
        "The treasury held 9223372036854775807 and 9223372036854775806 coins in 1850.",
        "In 1850 the treasury counted 12345678901234 coins and 4 ships.",
        "About 99999999999999999999 people lived in 18446744073709551615 houses in 1900.",
        "The army of 4611686018427387904 men met 3 armies in 44 BC and in 1204.",
        "In the 9223372036854775800s the 9223372036854775807th century began in -9223372036854775808 BC.",
    ] {
        let cards = cards(text);
        for c in &cards {
            assert!(!c.answer.is_empty(), "{c:?}");
            if c.kind == CardKind::MultipleChoice {
                assert_eq!(c.choices.len(), 4, "{c:?}");
                assert!(c.choices.contains(&c.answer), "{c:?}");
            }
        }
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Words a history text is made of, and the awkward ones: huge numbers,
    /// brackets, quotes, pronouns, unicode, empty lines.
    const WORDS: &[&str] = &[
        "the",
        "The",
        "King",
        "Henry",
        "II",
        "of",
        "England",
        "took",
        "Normandy",
        "in",
        "1204",
        "1960s",
        "44",
        "BC",
        "AD",
        "19th",
        "century",
        "12345678901234567890",
        "9999999999999",
        "3,000",
        "12.5",
        "%",
        "percent",
        "he",
        "He",
        "it",
        "they",
        "They",
        "this",
        "treaty",
        "war",
        "island",
        "because",
        "since",
        "so",
        "that",
        "which",
        "who",
        "when",
        "led",
        "to",
        "caused",
        "resulted",
        "signed",
        "was",
        "were",
        "had",
        "did",
        "not",
        ",",
        ".",
        "?",
        "!",
        ";",
        ":",
        "(",
        ")",
        "[",
        "]",
        "[12]",
        "\"",
        "“",
        "”",
        "'s",
        "–",
        "-",
        "—",
        "/",
        "\n",
        "\n\n",
        "Zhōu",
        "Ēnlái",
        "Москва",
        "東京",
        "🙂",
        "ǅ",
        "\u{301}",
        "\u{200b}",
        "Mr.",
        "c.",
        "St.",
        "J.",
        "U.S.",
        "following",
        "year",
        "later",
        "three",
        "years",
        "and",
        "or",
        "by",
        "Soviet",
        "Union",
        "withdrew",
        "its",
        "advisers",
        "from",
        "China",
        "Pope",
    ];

    fn sentence_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|w| w.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 48,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            let cards = generate(&text, &GenerateOptions::default());
            let chars = text.chars().count();
            for c in &cards {
                prop_assert!(c.span_end <= chars);
            }
        }

        #[test]
        fn on_any_string(text in any::<String>()) {
            let _ = generate(&text, &GenerateOptions::default());
        }

        #[test]
        fn on_history_like_words(parts in prop::collection::vec(sentence_text(), 1..6)) {
            let text = parts.join(". ");
            let cards = generate(&text, &GenerateOptions::default());
            for c in &cards {
                prop_assert!(!c.prompt.is_empty());
                if c.kind == CardKind::MultipleChoice {
                    prop_assert!(c.choices.contains(&c.answer));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Causes and effects, the quality bar and fewer suggestions.

const CAUSES: &str = "The Soviet Union withdrew its advisers and aid from China in 1960 \
    because Mao rejected Soviet leadership of the communist world. The Great Leap Forward \
    led to a famine in which millions died. In 1969, border clashes on the Ussuri River \
    caused a war scare.";

#[test]
fn causes_are_asked_with_why_and_effects_with_lead_to() {
    let cards = cards(CAUSES);
    let why = find(
        &cards,
        "Why did the Soviet Union withdraw its advisers and aid from China in 1960?",
    );
    assert_eq!(
        why.answer,
        "Mao rejected Soviet leadership of the communist world"
    );
    let led = find(&cards, "What did the Great Leap Forward lead to?");
    assert_eq!(led.answer, "a famine");
    let caused = find(
        &cards,
        "In 1969, what did border clashes on the Ussuri River cause?",
    );
    assert_eq!(caused.answer, "a war scare");
}

#[test]
fn a_cause_before_the_comma_and_a_purpose_are_asked_with_why() {
    let text = "Because the duke could not pay the soldiers, the garrison of Calais \
        mutinied in 1456. The regent built a canal across the marshes so that grain \
        barges could reach the capital in winter.";
    let cs = cards(text);
    assert_eq!(
        find(&cs, "Why did the garrison of Calais mutiny in 1456?").answer,
        "the duke could not pay the soldiers"
    );
    assert_eq!(
        find(&cs, "Why did the regent build a canal across the marshes?").answer,
        "so that grain barges could reach the capital in winter"
    );
}

// Judges kept 5 of 42 "Why …?" cards, so a cause is no longer lifted to the top:
// it is written, and the quality model places it like any other card.
#[test]
fn a_cause_is_written_and_ranked_by_the_model() {
    let text = "The guilds of Utrecht rose against the bishop in 1304. The revolt \
        spread to Deventer and Zwolle within a month. The bishop fled to Vollenhove, \
        where he stayed until 1306. The war lasted so long because neither side could \
        pay an army for more than a season. In 1309 the count of Holland made peace at \
        Amersfoort.";
    let s = suggest(
        "",
        text,
        &GenerateOptions::default(),
        &LibraryContext::default(),
    );
    let all: Vec<&Card> = s.shown.iter().chain(&s.held_back).collect();
    let why = all
        .iter()
        .position(|c| {
            c.prompt == "Why did the war last so long?"
                && c.answer == "neither side could pay an army for more than a season"
        })
        .unwrap_or_else(|| panic!("no cause card:\n{}", show(&s.shown)));
    // The model's order, with no lift: the dated facts of the text come first.
    assert!(why >= 3, "the cause is still lifted to place {why}");
}

#[test]
fn he_never_stands_for_a_plural_group() {
    let text = "The king prorogued the council when it objected, appointed friends to the \
        Privy Council, and dismissed Anglican Tories who would not support repeal of the \
        old laws. In 1687 he issued a Declaration of Liberty suspending the laws.";
    for c in cards(text) {
        assert!(!c.prompt.contains("Tories issue"), "{}", c.prompt);
    }
}

#[test]
fn one_suggestion_per_sentence() {
    let text = "In 1402 the merchants of Lucca and Pisa signed a treaty at Livorno with \
        Genoa. The plague reached Lucca in 1348 and killed a third of its people. The \
        abbot Guido of Arezzo wrote a treatise on music for the monks of Pomposa. The \
        city walls, begun in 1504, were finished in 1645 by the engineer Alessandro \
        Resta.";
    let s = suggest(
        "",
        text,
        &GenerateOptions::default(),
        &LibraryContext::default(),
    );
    let mut seen = HashSet::new();
    for c in &s.shown {
        assert!(
            seen.insert(c.source_sentence.clone()),
            "two suggestions of one sentence: {}",
            show(&s.shown)
        );
    }
    // The second card of a sentence waits among the held back.
    assert!(!s.held_back.is_empty());
}

#[test]
fn a_verb_is_never_missing_after_did() {
    for text in ALL.iter().chain([&CAUSES]) {
        for c in cards(text) {
            if c.kind != CardKind::Question {
                continue;
            }
            let words: Vec<&str> = c.prompt.split_whitespace().collect();
            if let Some(d) = words.iter().position(|w| *w == "did") {
                assert!(
                    words[d + 1..]
                        .iter()
                        .any(|w| w.starts_with(|c: char| c.is_lowercase())),
                    "{}",
                    c.prompt
                );
            }
        }
    }
}

#[test]
fn suggestions_are_the_best_cards_above_the_bar_and_the_rest_is_held_back() {
    let options = GenerateOptions::default();
    // The reader passes the text's title (the student sees it above each card).
    let title = "Why did the Sino-Soviet split happen?";
    let s = suggest(title, SINO_SOVIET, &options, &LibraryContext::default());
    let words = SINO_SOVIET.split_whitespace().count();
    assert!(!s.shown.is_empty() && s.shown.len() <= suggestion_cap(words));
    assert!(
        !s.held_back.is_empty(),
        "a long text has more cards than it is suggested"
    );
    // Every card is either shown or held back, none twice.
    let all = cards(SINO_SOVIET);
    assert_eq!(s.shown.len() + s.held_back.len(), all.len());
    let bar = quality::model().bar;
    let keep: std::collections::HashMap<String, f32> = candidate_features(title, SINO_SOVIET)
        .into_iter()
        .map(|c| (c.prompt, c.keep))
        .collect();
    for c in &s.shown {
        if let Some(k) = keep.get(&c.prompt) {
            assert!(
                *k >= bar,
                "{} is shown below the bar ({k} < {bar})",
                c.prompt
            );
        }
    }
    // The seed's key fact is among the top three suggestions: its sentence marks
    // it as the culmination of the conflict.
    assert!(
        s.shown.iter().take(3).any(|c| {
            c.answer == "1960"
                && c.prompt
                    == "In what year did the Soviet Union withdraw its advisers and aid from China?"
        }),
        "{}",
        show(&s.shown)
    );
    // --limit caps what is shown; the rest is held back.
    let one = suggest(
        "",
        SINO_SOVIET,
        &GenerateOptions {
            max_cards: 1,
            ..options.clone()
        },
        &LibraryContext::default(),
    );
    assert_eq!(one.shown.len(), 1);
    assert_eq!(one.shown.len() + one.held_back.len(), all.len());
}

#[test]
fn an_answer_the_title_names_is_no_card() {
    let text = "Russia and China signed the Treaty of Nerchinsk in 1689. It fixed the border \
                between them along the Argun River.";
    let titled = suggest(
        "What did the Treaty of Nerchinsk decide?",
        text,
        &GenerateOptions::default(),
        &LibraryContext::default(),
    );
    let untitled = generate(text, &GenerateOptions::default());
    assert!(untitled
        .iter()
        .any(|c| c.answer.contains("Treaty of Nerchinsk")));
    for c in titled.shown.iter().chain(&titled.held_back) {
        assert!(!c.answer.contains("Treaty of Nerchinsk"), "{c:?}");
    }
}

#[test]
fn every_candidate_has_its_features_and_form() {
    let names = quality::feature_names();
    let all = candidate_features("The Sino-Soviet split", SINO_SOVIET);
    assert!(all.len() > 20);
    for c in &all {
        assert_eq!(c.features.len(), names.len());
        assert!(quality::FORMS.contains(&c.form.as_str()), "{}", c.form);
        assert!((0.0..=1.0).contains(&c.keep) && (0.0..=3.0).contains(&c.worth));
    }
    let forms: HashSet<&str> = all.iter().map(|c| c.form.as_str()).collect();
    assert!(
        forms.contains("clause") && forms.contains("cloze"),
        "{forms:?}"
    );
}

#[test]
fn a_count_after_a_short_time_phrase_without_a_comma_is_asked_with_one() {
    let cs = cards(
        "In 1500 there were about 200 printing shops in Venice. \
The printers of the city sold their books across Europe.",
    );
    assert_eq!(
        find(
            &cs,
            "In 1500, how many printing shops were there in Venice?"
        )
        .answer,
        "about 200"
    );
    // The broken word orders the form made without its comma rule are gone.
    assert!(
        cs.iter().all(|c| !c.prompt.contains("in 1500 there")),
        "{:?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
}

#[test]
fn a_closing_list_of_sources_gives_no_cards() {
    let text = "The guild of Bruges merchants opened a hall in London in 1282. \
The hall traded wool for cloth until the great fire of 1349 destroyed it.\n\n\
Sources disagree, but perhaps 300 merchants lived in the hall in 1300.\n\n\
Sources: Marten Vos wrote The Wool Road in 1987, and Anna Pell published Merchants of the Steelyard in 2004.\n";
    let cs = cards(text);
    assert!(cs.iter().any(|c| c.answer == "1282"), "{}", show(&cs));
    // A sentence about sources is still history; the list that closes the text is not.
    assert!(cs.iter().any(|c| c.answer == "300"), "{}", show(&cs));
    for c in &cs {
        assert!(
            !c.source_sentence.contains("Wool Road") && !c.source_sentence.contains("Steelyard"),
            "{} -> {}",
            c.prompt,
            c.answer
        );
    }
    // A label with a few more words before its colon heads the list as well.
    let labelled = text.replace("Sources: ", "Sources worth reading: ");
    for c in &cards(&labelled) {
        assert!(
            !c.source_sentence.contains("Wool Road") && !c.source_sentence.contains("Steelyard"),
            "{} -> {}",
            c.prompt,
            c.answer
        );
    }
    // Without the heading, the same words are prose and may be asked about.
    let plain = text.replace("Sources: ", "");
    assert!(cards(&plain).iter().any(
        |c| c.source_sentence.contains("Wool Road") || c.source_sentence.contains("Steelyard")
    ));
}

#[test]
fn a_pluperfect_passive_is_asked_in_the_simple_past() {
    // "had been driven out" → "were … driven out": judges called "On what date had
    // Richard been killed?" ungrammatical.
    let cs = written(
        "The war went badly for the crown. The rebels had been driven out of Kent in June \
         1381. Harold had been crowned at Westminster, and his brother Tostig had been exiled \
         in 1065.",
    );
    assert_eq!(
        find(&cs, "When were the rebels driven out of Kent?").answer,
        "June 1381"
    );
    assert_eq!(
        find(&cs, "In what year was Harold's brother Tostig exiled?").answer,
        "1065"
    );
    assert!(
        cs.iter().all(|c| c.kind != CardKind::Question
            || !c.prompt.contains(" had ")
            || c.prompt.starts_with("Who")),
        "{}",
        show(&cs)
    );
}

#[test]
fn that_evening_is_not_made_the_evening() {
    // "That evening" counts from a day said before; "The evening …" (what the
    // demonstrative used to become) says nothing of which evening.
    let cs = written(
        "The marines landed on Wolmi-do on 15 September 1950. That evening the rest of the \
         1st Marine Division, under Major General Oliver P. Smith, went ashore at Red Beach.",
    );
    assert!(
        cs.iter()
            .all(|c| !c.prompt.starts_with("The evening") && !c.prompt.starts_with("That evening")),
        "{}",
        show(&cs)
    );
}

/// A word first in its sentence keeps its capital in a question when it is a
/// name, loses it when it is a common word, and makes no question when the text
/// cannot tell (judges called "did hoover propose" and "did swahili and Arab
/// merchants" ungrammatical).
#[test]
fn a_first_word_moved_into_a_question_keeps_the_case_of_what_it_is() {
    let text =
        "Foreign Secretary Arthur Balfour handed the text to the ambassador on 23 February 1917. \
Tenants flooded the new land courts in 1881. \
Hoover proposed a moratorium on war debts in June 1931. \
Swahili and Arab merchants reached the court of the kabaka in the 1840s. \
Border clashes broke out along the Ussuri River in March 1969.";
    let cs = written(text);
    let prompts: Vec<&str> = cs.iter().map(|c| c.prompt.as_str()).collect();
    find(
        &cs,
        "On what date did Foreign Secretary Arthur Balfour hand the text to the ambassador?",
    );
    find(&cs, "In what year did tenants flood the new land courts?");
    find(
        &cs,
        "When did border clashes break out along the Ussuri River?",
    );
    for p in &prompts {
        assert!(
            !p.contains("did hoover") && !p.contains("did Hoover"),
            "{p}"
        );
        assert!(
            !p.contains("did swahili") && !p.contains("did Swahili"),
            "{p}"
        );
    }
    // The facts are still asked, as the text writes them.
    assert!(
        prompts.contains(&"Hoover proposed a moratorium on war debts in _____."),
        "{prompts:#?}"
    );
}

/// A "did" question must not go on with a verb the inversion left finite, end on
/// a stranded adverb, or lean on a time said in another sentence.
#[test]
fn questions_that_read_garbled_are_not_made() {
    let text = "In 1580 Philip II absorbed Portugal and then faced the Dutch Revolt. \
In February 1897 a British force captured and largely destroyed Benin City. \
Construction began early in 1859. \
The rebel leaders were caught in Jiangxi and executed that November.";
    let cs = written(text);
    for c in &cs {
        assert!(
            !c.prompt.contains("absorb Portugal and then faced"),
            "{}",
            c.prompt
        );
        assert!(
            !c.prompt.contains("capture and largely destroyed"),
            "{}",
            c.prompt
        );
        assert!(!c.prompt.ends_with("early?"), "{}", c.prompt);
        assert!(!c.prompt.contains("that November"), "{}", c.prompt);
    }
    assert!(!cs.is_empty());
}

/// A pluperfect passive asked in the simple past agrees with its subject, and a
/// year that modifies a noun ("the 1954 coup") is not cut out of its phrase.
#[test]
fn a_pluperfect_question_agrees_and_keeps_its_noun_phrase() {
    let cs = written(
        "Richard Bissell and Allen Dulles had been involved in the 1954 coup in Guatemala. \
Both men had been promoted in 1953. \
The rebels had been defeated at Culloden in 1746.",
    );
    for c in &cs {
        assert!(!c.prompt.contains("involved coup"), "{}", c.prompt);
        assert!(
            !c.prompt.contains("was Both") && !c.prompt.contains("was both"),
            "{}",
            c.prompt
        );
    }
    find(&cs, "In what year were both men promoted?");
    find(&cs, "In what year were the rebels defeated at Culloden?");
}

/// The noun of a count in an existential sentence stays with its modifiers.
#[test]
fn an_existential_count_keeps_its_noun_together() {
    let cs = written(
        "There were about 40,000 Soviet military personnel in Cuba, far more than the Americans had estimated. \
Before 1350, there were about 170,000 villages living on grain in Saxony.",
    );
    find(
        &cs,
        "How many Soviet military personnel were there in Cuba?",
    );
    assert!(
        cs.iter().all(|c| !c.prompt.contains("were there personnel")
            && !c.prompt.contains("villages living were")),
        "{}",
        show(&cs)
    );
}

/// A fronted name with no comma after it is a phrase, not a clause's subject
/// ("Who did Trasimene the Romans appoint …?" was judged broken in round 15), and
/// it dates the question as a year would.
#[test]
fn a_fronted_event_name_stays_a_phrase() {
    let cs = written(
        "After Trasimene the Romans appointed Quintus Fabius Maximus as dictator, and he adopted a cautious strategy.",
    );
    assert!(
        cs.iter()
            .all(|c| !c.prompt.contains("did Trasimene") && c.answer != "Trasimene the Romans"),
        "{}",
        show(&cs)
    );
    find(
        &cs,
        "After Trasimene, who did the Romans appoint as dictator?",
    );
}

/// "anything", "nothing" and "everything" are no participles: a clause goes on
/// after them. A number next to its "or" alternative is not blanked.
#[test]
fn indefinite_pronouns_and_numeric_alternatives() {
    let cs = written(
        "The sinologist Naitō Konan remarked in the 1920s that one hardly needed to study anything before the Ōnin War. \
Jerusalem surrendered to the caliph Umar in 637 or 638.",
    );
    find(
        &cs,
        "Which sinologist remarked in the 1920s that one hardly needed to study anything before the Ōnin War?",
    );
    assert!(
        cs.iter().all(|c| !c.prompt.ends_with("needed to study?")),
        "{}",
        show(&cs)
    );
    assert!(
        cs.iter()
            .all(|c| !(c.prompt.contains("_____ or 638") && c.answer == "637")),
        "{}",
        show(&cs)
    );
}

/// Round 16's rejected shapes: a cloze cut before the verb of its subject, a time
/// from a fronted "By the time …" clause given to the main clause's event, and
/// "the same year" written out next to the year it repeats.
#[test]
fn a_subject_cut_from_its_verb_and_another_clauses_time_give_no_card() {
    let cs = written(
        "Sicilian exiles, above all Francesco Crispi and Rosolino Pilo, pressed Garibaldi to go. \
By the time Clement XIV signed the brief on 21 July 1773, the Society of Jesus had already been thrown out of Portugal. \
The friaries went in 1538, the same year Thomas Becket's shrine at Canterbury was broken up.",
    );
    for c in &cs {
        assert!(!c.prompt.ends_with("Rosolino Pilo."), "{}", c.prompt);
        assert!(
            !(c.prompt.ends_with('?')
                && c.prompt.contains("thrown out of Portugal")
                && c.answer == "21 July 1773"),
            "{}",
            c.prompt
        );
        assert!(!c.prompt.contains("in 1538, in 1538"), "{}", c.prompt);
    }
}

/// Round 17's rejected clozes: a verb whose second part stood behind brackets
/// ("names _____ (who reigned …) as the king"), and a sentence's opening adverb
/// taken into the answer ("Suddenly Dahomey").
#[test]
fn a_verb_cut_before_its_brackets_and_an_adverb_in_the_answer() {
    let cs = written(
        "The dynasty traced itself back to Allada, and Fon tradition names Houegbadja (who reigned from roughly 1645 to 1685) as the king who built the first palace at Abomey. \
Suddenly Dahomey controlled Ouidah, with its English, French and Portuguese forts, and could deal with European ships directly.",
    );
    for c in &cs {
        assert!(!c.prompt.ends_with("names _____."), "{}", c.prompt);
        assert!(!c.answer.starts_with("Suddenly"), "{}", c.answer);
    }
}

/// A reflexive is no answer ("What did the ruling dynasty trace to the royal
/// house of Allada?" → "itself back"), and a time counted from an earlier event
/// does not ride inside a question's subject ("Where did soon afterwards groups of
/// men go down?").
#[test]
fn no_reflexive_answer_and_no_relative_time_in_the_subject() {
    let cs = written(
        "The ruling dynasty, of Aja origin, traced itself back to the royal house of Allada. \
Soon afterwards groups of men went down to Griffin's Wharf.",
    );
    for c in &cs {
        assert!(!c.answer.starts_with("itself"), "{}", c.answer);
        assert!(!c.prompt.contains("did soon afterwards"), "{}", c.prompt);
    }
}

/// Round 18's rejected cards: a cloze cut before its subject's verb (past an aside
/// in brackets and a verbless phrase), a connective left after a fronted phrase
/// ("Though, …"), "but" taken into the subject a pronoun stands for, and a
/// causative "had … killed" asked without its participle.
#[test]
fn subjects_cut_from_their_verbs_stray_connectives_and_causatives() {
    let cs = written(
        "On a cold Sunday in December 1838, beside the Ncome River in what is now northern KwaZulu-Natal, a column of roughly 470 Voortrekkers (Dutch-speaking emigrants who had left the Cape Colony in the years before), together with a number of servants and allies, fought off a far larger army sent against them by King Dingane. \
The bronze rams found near the old harbour at Nicopolis in the course of the last century, measured by William Murray and Photios Petsas over several long seasons of fieldwork on the hill above the bay, do show that some very large warships were dedicated there after the victory. \
Titus Flavius Vespasianus was a general of nearly sixty from a Sabine family, and in 69 he was fighting the revolt in Judaea. During the year, though, he, his son Titus and Gaius Licinius Mucianus, governor of Syria, settled their quarrels and planned a bid of their own. \
But the Germans had a card to play. On 9 February they signed a separate treaty with the Ukrainian Central Rada in Brest. \
In February 1838, at the royal homestead of uMgungundlovu, Dingane had Piet Retief and his party killed.",
    );
    assert!(
        cs.iter().any(|c| c.answer == "Ukrainian Central Rada"),
        "the treaty sentence still gives a card: {cs:?}"
    );
    for c in &cs {
        assert!(!c.prompt.ends_with("Voortrekkers."), "{}", c.prompt);
        assert!(!c.prompt.ends_with("above the bay."), "{}", c.prompt);
        assert!(!c.prompt.ends_with("KwaZulu-Natal."), "{}", c.prompt);
        assert!(!c.prompt.starts_with("Though"), "{}", c.prompt);
        assert!(!c.prompt.contains("but the Germans"), "{}", c.prompt);
        assert!(!c.prompt.ends_with("have Piet Retief?"), "{}", c.prompt);
        assert!(!c.prompt.ends_with("had Piet Retief?"), "{}", c.prompt);
    }
}

/// Round 19's rejected cards: a cloze left without its subject once its opening
/// "So" went ("Was _____, commander …"), a chatty lead-in before a colon, a
/// people asked with "was", a list item's closing semicolon, a verbless list
/// line, and "too" pointing at others named before.
#[test]
fn lead_ins_lost_subjects_plural_peoples_and_list_lines() {
    let cs = written(
        "Saint-Just was arrested that night. So was François Hanriot, commander of the Paris National Guard. \
And here is the legal kicker: Pope Leo IX had died on 19 April 1054, three months before the legates acted. \
The Mongols had been driven out of China in 1368 by the armies of Zhu Yuanzhang. \
The treaty did two things:\n\n- Two ports, Shimoda on the Izu peninsula and Hakodate in Hokkaido, opened to American ships for wood, water and coal;\n- French strength: around 73,000 men; Allied strength: around 85,000.\n\n\
Robespierre was taken to the Tuileries. Saint-Just and Couthon were added too.",
    );
    assert!(
        cs.iter().any(|c| c.answer == "19 April 1054"),
        "the kicker sentence still gives a card: {cs:?}"
    );
    for c in &cs {
        assert!(!c.prompt.starts_with("Was "), "{}", c.prompt);
        assert!(!c.prompt.contains("kicker"), "{}", c.prompt);
        assert!(!c.prompt.contains("was the Mongols"), "{}", c.prompt);
        assert!(!c.prompt.ends_with(';'), "{}", c.prompt);
        assert!(!c.prompt.starts_with("Around _____ men"), "{}", c.prompt);
        assert!(!c.prompt.ends_with("added too."), "{}", c.prompt);
    }
}

#[test]
fn the_date_of_a_sentence_with_heavy_fronted_phrases_is_asked() {
    // Key facts of battle pages come in this shape: a weekday, a date, then where,
    // each phrase up to its comma, before the subject; or an undated phrase first.
    let cs = written(
        "On Sunday 27 July 1214, near the village of Bouvines, between Lille and \
         Tournai, the army of King Philip II Augustus smashed a coalition headed by \
         Emperor Otto IV. Through a combination of arquebus fire and cavalry charges, \
         on the morning of 24 February 1525, the imperial army destroyed the French \
         army outside Pavia. In the spring of 1526 the French king returned to France.",
    );
    for (prompt, answer) in [
        (
            "On what date did the army of King Philip II Augustus smash a coalition headed by Emperor Otto IV?",
            "27 July 1214",
        ),
        (
            "On what date did the imperial army destroy the French army outside Pavia?",
            "24 February 1525",
        ),
        ("In what year did the French king return to France?", "1526"),
    ] {
        assert_eq!(find(&cs, prompt).answer, answer);
    }
}

#[test]
fn a_wh_ever_word_is_never_an_answer() {
    // Round 25: "_____ held Megiddo held the main artery …" → "Whoever".
    let cs = written(
        "Whoever held Megiddo held the main artery between Egypt and Mesopotamia. \
         Whatever the council decided, Thutmose took the Aruna pass in 1457 BC.",
    );
    assert!(!cs.is_empty());
    for c in &cs {
        assert!(
            !matches!(c.answer.as_str(), "Whoever" | "Whatever"),
            "{} -> {}",
            c.prompt,
            c.answer
        );
    }
}

#[test]
fn she_is_never_resolved_to_a_man_nor_he_to_a_woman() {
    // Round 25: "Once she was gone, he was sole ruler" became "Once Thutmose III
    // was gone, Thutmose III was sole ruler".
    let cs = written(
        "Thutmose III had spent roughly twenty years as the junior partner to his \
         stepmother and aunt, Hatshepsut, who ruled as king in her own right. Once she \
         was gone, he was sole ruler, and in 1457 BC a coalition of Canaanite \
         city-states decided to test him. Queen Mary Tudor married Philip of Spain in \
         1554. In 1558 she died at St James's Palace.",
    );
    for c in &cs {
        assert!(
            !c.prompt.contains("Thutmose III was gone")
                && !c.prompt.contains("Hatshepsut was sole"),
            "{}",
            c.prompt
        );
    }
    // A woman the text marks as one is what "she" stands for.
    assert_eq!(
        find(&cs, "In what year did Mary Tudor die at St James's Palace?").answer,
        "1558"
    );
}

#[test]
fn he_is_not_taken_from_further_back_past_a_name_of_no_known_kind() {
    // Round 26: "he" was Saladin, named (as a name of no known kind) in the
    // sentence before; the resolver reached back past it to "al-Salih Ismail".
    let cs = written(
        "Nur al-Din died on 15 May 1174, leaving an eleven-year-old son, al-Salih \
         Ismail, under the control of rival emirs. That spring Saladin had also smashed \
         a conspiracy in Cairo, led by Fatimid loyalists including the poet Umara \
         al-Yamani. With Egypt secure, he marched into Syria in the autumn and entered \
         Damascus in late November 1174. In 1175 he defeated the Zengid forces at the \
         Horns of Hama.",
    );
    assert!(!cs.is_empty());
    for c in &cs {
        assert!(
            !c.prompt.contains("Ismail defeat") && !c.prompt.contains("Ismail enter"),
            "{}",
            c.prompt
        );
    }
}

#[test]
fn a_date_in_a_restrictive_clause_on_the_subject_is_asked_about_that_subject() {
    // "The Diet that opened at Worms on 28 January 1521 was …": the main event's
    // date stood only in the clause that says which Diet, and no card asked it.
    let cs = written(
        "The Diet that opened at Worms on 28 January 1521 was the first held by the new \
         emperor. The ships that sailed from Lisbon in May 1588 were slow. The news that \
         Rome had fallen in 410 shocked Augustine. The army that Harold led in 1066 was \
         tired.",
    );
    assert_eq!(
        find(&cs, "On what date did the Diet open at Worms?").answer,
        "28 January 1521"
    );
    assert_eq!(
        find(&cs, "When did the ships sail from Lisbon?").answer,
        "May 1588"
    );
    // "that" as a conjunction, or with its own subject, makes no such question.
    assert!(
        !cs.iter().any(|c| c.prompt.ends_with('?')
            && (c.prompt.contains("news") && c.answer == "410"
                || c.prompt.contains("Harold lead"))),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_day_after_a_count_of_days_is_asked_with_the_year_of_the_date_before() {
    // "Three days later, on 30 May, …": the count leans on the sentence before, the
    // day alone names no year; the card asks the day with that sentence's year.
    let cs = written(
        "On 27 May 1967 Gowon divided the country into twelve states. Three days later, on \
         30 May, Ojukwu proclaimed the independent Republic of Biafra.",
    );
    assert_eq!(
        find(
            &cs,
            "On what date did Ojukwu proclaim the independent Republic of Biafra?"
        )
        .answer,
        "30 May 1967"
    );
    assert!(
        !cs.iter().any(|c| c.prompt.contains("days later")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_when_clause_is_asked_at_the_time_it_hangs_on_not_after_it() {
    // "… vanishes from the record after 255 BC, when a Roman fleet was wrecked …":
    // "After what year was a Roman fleet wrecked?" was judged ungrammatical.
    let cs = written(
        "The boarding bridge vanishes from the record after 255 BC, when a Roman fleet was \
         wrecked in a storm off Camarina.",
    );
    assert!(
        !cs.iter().any(|c| c.prompt.starts_with("After what year")),
        "{}",
        show(&cs)
    );
    assert_eq!(
        find(
            &cs,
            "In what year was a Roman fleet wrecked in a storm off Camarina?"
        )
        .answer,
        "255 BC"
    );
}

#[test]
fn half_of_a_clock_time_is_no_answer() {
    let cs = written(
        "The flag over the palace was shot away, firing stopped at around 9:40 on 27 August \
         1896, and the whole affair was over well before mid-morning.",
    );
    assert!(
        !cs.iter().any(|c| c.answer == "40" || c.answer == "9"),
        "{}",
        show(&cs)
    );
    assert!(
        cs.iter().any(|c| c.answer == "27 August 1896"),
        "{}",
        show(&cs)
    );
}

/// Round 30: "they" after a sentence of two clauses whose subjects could both be
/// meant ("Contrary winds and the shoals …, so the Dutch turned …") is not
/// resolved to the first.
#[test]
fn they_after_two_plural_subjects_is_not_the_first() {
    let cs = written(
        "Contrary winds and the shoals made an advance on London itself impractical, so the Dutch turned toward the Medway. \
On 10 June they bombarded and took the unfinished fort at Sheerness, on the Isle of Sheppey, after a brief resistance. \
The Dutch captains reached the Medway in June 1667. On 12 June they broke the chain at Gillingham.",
    );
    for c in &cs {
        assert!(!c.prompt.contains("the shoals bombarded"), "{}", c.prompt);
    }
    let argued = written(
        "The one-sentence answer is that Richelieu besieged La Rochelle because it had allied itself with England. \
Its fall in October 1628 did not end Protestant worship in France.",
    );
    for c in &argued {
        assert!(!c.prompt.contains("answer's fall"), "{}", c.prompt);
    }
    assert!(
        cs.iter()
            .any(|c| c.prompt.contains("the Dutch captains broke")),
        "one subject is still resolved: {cs:?}"
    );
}

/// Round 32's rejected shapes, each written from its sentence: a title after
/// "which" in lower case, "What" for a name, no "Under whom" for a noun's phrase,
/// no "To what date" for a range's end, no year for a clause opened by two times,
/// no cleft "it" resolved, a "that year" after a month read as the year; round 34's
/// one of two times joined by "and" asked as the clause's time.
#[test]
fn round_32_shapes_are_written_well_or_not_at_all() {
    let cs = written(
        "Béla IV of Hungary ruled a divided kingdom. King Béla IV had taken in tens of thousands of Cuman refugees. \
Túpac Katari led the siege of La Paz in 1781. His real name was Julián Apaza. \
Kruševo fell around 12 August after artillery bombardment by forces under Bahtiyar Pasha. \
Then, on the night of 5 to 6 September, Suleiman died in his camp. \
After the disaster at Mohács in 1526 and the fall of Buda in 1541, the old Kingdom of Hungary was split three ways. \
The First Republic ended in 1973. It was the children of the refugees who formed the Rwandan Patriotic Front, which invaded from Uganda in October 1990. \
By 1782 the besiegers had a new commander, the Duc de Crillon, fresh from taking Minorca in February that year. \
Menshikov's field army tried twice to break the Allied position, at Balaklava on 25 October 1854 (the day of the Light Brigade) and at Inkerman on 5 November 1854.",
    );
    assert_eq!(
        find(
            &cs,
            "Which king had taken in tens of thousands of Cuman refugees?"
        )
        .answer,
        "Béla IV"
    );
    assert_eq!(
        find(&cs, "What was Túpac Katari's real name?").answer,
        "Julián Apaza"
    );
    for c in &cs {
        let p = &c.prompt;
        assert!(!p.starts_with("Under whom"), "{p}");
        assert!(!p.starts_with("To what"), "{p}");
        assert!(!p.contains("Which King"), "{p}");
        assert!(!p.starts_with("Who was Túpac"), "{p}");
        assert!(
            !(p.contains("split three ways") && !p.contains("_____") && c.answer == "1526"),
            "{p}"
        );
        assert!(!p.contains("First Republic was the children"), "{p}");
        assert!(!p.contains("February in 1782"), "{p}");
        assert!(
            !(p.starts_with("On what date") && p.contains("Balaklava")),
            "{p}"
        );
    }
    assert!(
        cs.iter().any(|c| c.prompt.contains("in February 1782")),
        "{}",
        show(&cs)
    );
}

/// Round 35's shapes, each in a top ten: a range "between" two years asked with
/// "When"; the year of one of two places given to both; the people after an "of"
/// taken for the person a "who" clause is about; "he" given to a man named
/// further back than the name that opens its own sentence.
#[test]
fn round_35_shapes_are_written_well_or_not_at_all() {
    let cs = written(
        "Napoleon III, who was fascinated by Caesar, paid for excavations around Alise-Sainte-Reine between 1861 and 1865, and his teams found the ditches. \
Flemish infantry were beaten again at Cassel in 1328 and at Roosebeke. \
Caesar claims that it numbered 250,000 infantry and 8,000 cavalry, led by four commanders: Commius of the Atrebates, who had once been Caesar's ally in Britain, the Aeduan nobles Viridomarus and Eporedorix, and Vercassivellaunus, a cousin of Vercingetorix. \
Admiral Carlo Pellion di Persano was tried before the Senate in 1867. Tegetthoff was promoted to vice admiral and became a national hero; he died young, in 1871, at 43.",
    );
    for c in &cs {
        let p = &c.prompt;
        assert!(
            !(p.starts_with("When") && c.answer == "1861 and 1865"),
            "{p}"
        );
        assert!(
            !(p.contains("Roosebeke") && c.answer == "1328" && !p.contains("_____")),
            "{p}"
        );
        assert!(!(c.answer == "Atrebates" && p.starts_with("Who")), "{p}");
        assert!(!p.contains("Persano die"), "{p}");
    }
    assert_eq!(
        find(
            &cs,
            "Between what years did Napoleon III pay for excavations around Alise-Sainte-Reine?"
        )
        .answer,
        "1861 and 1865"
    );
}

/// Round 30–36 cards judged ungrammatical: an adverb lifted into a "did" question
/// ("When did Peel also use …"), "back in 1851" asked as "… the World back?",
/// and a list of clauses cut before its "and" ("Charles knocked Denmark out,
/// crushed a Russian army …").
#[test]
fn lifted_adverbs_back_in_and_cut_clause_lists_are_mended() {
    let text = "Robert Peel also used the famine to push through the repeal of the Corn Laws in June 1846. \
                Edward Creasy put Saratoga among his Fifteen Decisive Battles of the World back in 1851. \
                The old king came back in 1660 after years of exile in France. \
                Charles XII knocked Denmark out of the war within months, crushed a much larger Russian army at Narva in November 1700, and then turned south against Poland, where the war dragged on for years while the Russians rebuilt their army, founded a new capital on the Baltic and waited for him.";
    let cs = written(text);
    find(
        &cs,
        "When did Robert Peel use the famine to push through the repeal of the Corn Laws?",
    );
    find(
        &cs,
        "In what year did Edward Creasy put Saratoga among his Fifteen Decisive Battles of the World?",
    );
    find(
        &cs,
        "In what year did the old king come back after years of exile in France?",
    );
    let narva = cs
        .iter()
        .find(|c| c.answer == "November 1700" && c.prompt.contains("_____"))
        .expect("a cloze on Narva's date");
    assert!(
        narva.prompt.contains("within months and crushed"),
        "{}",
        narva.prompt
    );
    assert!(
        cs.iter()
            .all(|c| !c.prompt.contains(" also ") && !c.prompt.ends_with(" back?")),
        "{:#?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
}

/// "Who crossed to Calais …?" → "Henry" was judged wrong ("Henry VIII"): a one-word
/// name two people of the text share is no answer.
#[test]
fn a_first_name_two_kings_share_is_no_answer() {
    let text = "Henry VII died in April 1509 after a long illness. \
                Henry VIII married Catherine of Aragon in June 1509. \
                Henry crossed to Calais at the end of June 1513 with a large army. \
                The Scots invaded Northumberland in August 1513.";
    let cs = written(text);
    assert!(
        cs.iter().all(|c| c.answer != "Henry"),
        "{:#?}",
        cs.iter()
            .map(|c| (&c.prompt, &c.answer))
            .collect::<Vec<_>>()
    );
    assert!(
        cs.iter().any(|c| c.prompt.contains("Calais")),
        "the sentence still gives its other cards"
    );
}

/// "In what year did the old king come back to great?": an "-ing" noun after a
/// preposition and its adjective was cut off as if it opened a participle phrase.
#[test]
fn an_ing_noun_after_a_preposition_and_adjective_stays() {
    let cs = written(
        "The old king came back to London in 1660 to great rejoicing. \
         The army reached the city in 1661 amid heavy fighting.",
    );
    assert!(
        cs.iter()
            .all(|c| !c.prompt.ends_with(" great?") && !c.prompt.ends_with(" heavy?")),
        "{:#?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
    assert!(
        cs.iter().any(|c| c.prompt.contains("amid heavy fighting")),
        "{:#?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
}

/// "How many days did Fort Lee across the Hudson fall?" from "… fell four days
/// later" (a refit put it in a top ten): the count is from another event.
#[test]
fn a_count_from_another_event_is_not_asked_how_many() {
    let cs = written(
        "On 16 November Howe's troops stormed Fort Washington and took roughly 2,800 prisoners; \
         Fort Lee across the Hudson fell four days later. \
         The siege of Alesia lasted about six weeks.",
    );
    assert!(
        cs.iter().all(|c| !c.prompt.starts_with("How many days")),
        "{:#?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
    assert!(
        cs.iter()
            .any(|c| c.prompt.starts_with("How long did the siege")),
        "a duration of its own is still asked: {:#?}",
        cs.iter().map(|c| &c.prompt).collect::<Vec<_>>()
    );
}

#[test]
fn a_name_particle_opening_the_sentence_is_lower_case_inside_a_question() {
    let text = "The diplomat Ernst vom Rath was shot in Paris on 7 November 1938. \
                Vom Rath died of his wounds on 9 November 1938.";
    let cs = written(text);
    let q = question_for(&cs, "9 November 1938");
    assert!(q.prompt.contains("vom Rath"), "{}", q.prompt);
    assert!(!q.prompt.contains("Vom"), "{}", q.prompt);
}

#[test]
fn a_chinese_family_name_as_answer_is_the_whole_name() {
    let text = "The rebel leader Li Zicheng rose in Shaanxi in the 1630s. \
                Li took Xi'an in late 1643 and proclaimed his own dynasty, the Shun.";
    let cs = written(text);
    assert!(
        cs.iter()
            .any(|c| c.answer == "Li Zicheng" && c.source_sentence.starts_with("Li took")),
        "{}",
        show(&cs)
    );
    assert!(!cs.iter().any(|c| c.answer == "Li"), "{}", show(&cs));
}

#[test]
fn a_counted_noun_after_two_modifiers_stays_whole() {
    let text = "The Democrat Samuel Tilden won the popular vote in 1876 and had 184 undisputed \
                electoral votes, one short of a majority.";
    let cs = written(text);
    assert!(
        !cs.iter().any(|c| c.prompt.contains("electoral did")),
        "{}",
        show(&cs)
    );
    let q = cs
        .iter()
        .find(|c| c.answer == "184" && c.prompt.starts_with("How many"))
        .unwrap_or_else(|| panic!("{}", show(&cs)));
    assert!(q.prompt.contains("electoral votes"), "{}", q.prompt);
}

#[test]
fn a_fronted_date_with_its_own_subject_and_verb_stays_with_the_cloze() {
    // Round 46 dropped "On 25 January he pressed the Secretary of State for Air," and
    // left "Sir Archibald Sinclair, about what plans …".
    let prompts = candidate_prompts(
        "The bombing of Dresden",
        "Winston Churchill wanted the eastern cities hit. On 25 January he pressed the \
         Secretary of State for Air, Sir Archibald Sinclair, about what plans there were \
         for hitting the Germans as they retreated from Breslau.",
    );
    assert!(
        !prompts.iter().any(|p| p.starts_with("Sir Archibald")),
        "{prompts:#?}"
    );
}

#[test]
fn a_cloze_ends_at_the_semicolon_after_its_blank() {
    // Round 48: "…; the number grew over the following weeks, and most were later
    // killed" pointed back, and the sentence gave no card at all.
    let prompts = candidate_prompts(
        "How did the Armenian deportations of 1915 come about?",
        "On the night of 24 April 1915 the police in Constantinople arrested around 235 \
         to 270 Armenian community leaders, writers, doctors and politicians; the number \
         grew over the following weeks, and most were later killed.",
    );
    assert!(
        prompts.iter().any(|p| p
            == "On the night of _____ the police in Constantinople arrested around 235 to 270 \
                Armenian community leaders, writers, doctors and politicians."),
        "{prompts:#?}"
    );
    assert!(
        !prompts.iter().any(|p| p.contains("following weeks")),
        "{prompts:#?}"
    );
    // A semicolon inside brackets is no end of the statement, and a blank after
    // the semicolon keeps the sentence whole.
    let prompts = candidate_prompts(
        "The Mughal conquest",
        "Babur took Kabul in 1504 (his uncles had lost it; he won it back). Lysimachus took \
         most of Asia Minor; Seleucus took northern Syria in 301 BC.",
    );
    assert!(
        !prompts.iter().any(|p| p.contains("had lost it.")),
        "{prompts:#?}"
    );
    assert!(
        prompts
            .iter()
            .any(|p| p.starts_with("Lysimachus took most of Asia Minor; _____ took")),
        "{prompts:#?}"
    );
}

#[test]
fn a_count_keeps_its_compound_noun_a_since_keeps_its_perfect_and_a_stranded_preposition_stays() {
    let cs = cards(
        "# How did Babur found the Mughal Empire?\n\n\
         On 24 April 1915 the police in Constantinople arrested about 250 Armenian \
         community leaders. Sultan Ibrahim Lodi, who had ruled since 1517, had alienated \
         many of the Afghan nobles his family depended on.",
    );
    let count = cs
        .iter()
        .find(|c| c.answer == "about 250" && c.prompt.to_lowercase().contains("how many"))
        .unwrap_or_else(|| panic!("{}", show(&cs)));
    assert!(
        count
            .prompt
            .contains("how many Armenian community leaders did"),
        "{}",
        count.prompt
    );
    let since = cs
        .iter()
        .find(|c| c.answer == "1517")
        .unwrap_or_else(|| panic!("{}", show(&cs)));
    assert_eq!(
        since.prompt,
        "Since what year had Sultan Ibrahim Lodi ruled?"
    );
    assert!(
        cs.iter().all(|c| !c.prompt.ends_with("depended?")),
        "{}",
        show(&cs)
    );
    assert!(
        cs.iter().any(|c| c.prompt.ends_with("depended on?")),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_day_range_given_its_year_keeps_its_dash_glued() {
    // Round 49: "met on 12– 13 April 1948" was judged ungrammatical twice.
    let cs = cards(
        "# Why did Stalin expel Yugoslavia from the Cominform?\n\n\
         In March 1948 Stalin wrote a letter. The Yugoslav Central Committee met on \
         12–13 April and rejected the charges, with only Sreten Žujović dissenting.",
    );
    assert!(
        cs.iter()
            .any(|c| c.prompt.contains("met on 12–13 April 1948")),
        "{}",
        show(&cs)
    );
    assert!(cs.iter().all(|c| !c.prompt.contains("– ")), "{}", show(&cs));
}

#[test]
fn an_over_that_ends_its_phrase_stays_with_its_verb() {
    // Round 50: "When did the new government declare the Emergency?" asked the
    // opposite of the sentence (wrong twice). An "over" that lost its object still
    // goes.
    let cs = cards(
        "# How did the Malayan Emergency end?\n\n\
         The new government declared the Emergency over on 31 July 1960. \
         The two armies fought over the valley in 1962.",
    );
    let over = question_for(&cs, "31 July 1960");
    assert!(
        over.prompt.ends_with("declare the Emergency over?"),
        "{}",
        over.prompt
    );
    assert!(
        cs.iter()
            .all(|c| !c.prompt.ends_with(" over?") || c.answer != "1962"),
        "{}",
        show(&cs)
    );
}

#[test]
fn a_list_of_names_keeps_its_middle_and_a_second_complement_keeps_its_own_time() {
    // Round 51: "Britain Prussia and Russia" had lost Austria as if it were an
    // aside; "When did Stolypin become Minister of the Interior and Chairman of
    // the Council of Ministers?" gave both posts April 1906 (wrong four times).
    let cs = cards(
        "# How did Stolypin rise?\n\n\
         On 15 July 1840 Britain, Austria, Prussia and Russia signed the Convention of \
         London with the Ottomans. Pyotr Stolypin became Minister of the Interior in \
         April 1906 and Chairman of the Council of Ministers that July. The Rozvi \
         defeated the Portuguese at Maungwe in 1684 and, around 1693, drove them from \
         the plateau.",
    );
    let signed = question_for(&cs, "15 July 1840");
    assert!(
        signed
            .prompt
            .contains("Britain, Austria, Prussia and Russia"),
        "{}",
        signed.prompt
    );
    assert!(
        cs.iter()
            .all(|c| !(c.answer == "April 1906" && c.prompt.contains("Chairman"))),
        "{}",
        show(&cs)
    );
    // A second clause with a verb of its own leaves the first its time.
    assert!(
        cs.iter()
            .any(|c| c.answer == "1684" && c.prompt.contains("defeat the Portuguese at Maungwe?")),
        "{}",
        show(&cs)
    );
}
