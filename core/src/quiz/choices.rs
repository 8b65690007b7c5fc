//! Multiple-choice options for any card, for the quiz and for Choose mode in
//! reviews: the card's own options, else three wrong answers of the answer's
//! sort from the generator's distractor pool — the card's document first, then
//! other documents of the library, then a built-in list of well-known names —
//! so a person gets three other people and an organisation three others.
//!
//! Where even that finds none, the caller says so on the card instead of
//! quietly asking another way ([`NO_CHOICES_NOTE`]).

use std::collections::{HashMap, HashSet};

use crate::cards::CardKind;
use crate::cards::StoredCard;
use crate::error::Result;
use crate::generate::{distractors_for, entities_of, EntityKind, LibraryContext, LibraryEntity};
use crate::ids::DocumentId;
use crate::store::Store;

/// What a card in choice mode says when no options could be found.
pub const NO_CHOICES_NOTE: &str =
    "No other answers of this kind were found in your library, so this card cannot be multiple choice.";

/// At most this many characters of other documents are read for their names:
/// enough for a varied pool, and a bounded cost however large the library.
const LIBRARY_TEXT_BUDGET: usize = 200_000;

/// Well-known names by sort, the last resort when the library has too few.
/// Facts of general knowledge, written for Clio.
const BUILT_IN: &[(EntityKind, &[&str])] = &[
    (
        EntityKind::Person,
        &[
            "Winston Churchill",
            "Franklin D. Roosevelt",
            "Joseph Stalin",
            "Harry S. Truman",
            "Dwight D. Eisenhower",
            "John F. Kennedy",
            "Nikita Khrushchev",
            "Leonid Brezhnev",
            "Mikhail Gorbachev",
            "Ronald Reagan",
            "Richard Nixon",
            "Mao Zedong",
            "Charles de Gaulle",
            "Konrad Adenauer",
            "Jawaharlal Nehru",
            "Mahatma Gandhi",
            "Gamal Abdel Nasser",
            "Fidel Castro",
            "Ho Chi Minh",
            "Margaret Thatcher",
            "Napoleon Bonaparte",
            "Otto von Bismarck",
            "Abraham Lincoln",
            "Queen Victoria",
        ],
    ),
    (
        EntityKind::Organization,
        &[
            "the United Nations",
            "NATO",
            "the Warsaw Pact",
            "the League of Nations",
            "the European Economic Community",
            "the Comintern",
            "the KGB",
            "the CIA",
            "the Red Cross",
            "the World Bank",
            "the International Monetary Fund",
            "the Organization of American States",
            "the Arab League",
            "the Viet Cong",
            "the Politburo",
        ],
    ),
    (
        EntityKind::Place,
        &[
            "France",
            "Germany",
            "Poland",
            "Hungary",
            "Egypt",
            "India",
            "China",
            "Japan",
            "Cuba",
            "Vietnam",
            "Korea",
            "Turkey",
            "Berlin",
            "Moscow",
            "Paris",
            "London",
            "Washington",
            "Vienna",
            "Warsaw",
            "Prague",
            "Beijing",
            "Cairo",
            "the Mediterranean Sea",
            "the Black Sea",
            "the Baltic Sea",
            "the Pacific Ocean",
        ],
    ),
    (
        EntityKind::Event,
        &[
            "the First World War",
            "the Second World War",
            "the Korean War",
            "the Vietnam War",
            "the Cuban Missile Crisis",
            "the Suez Crisis",
            "the Berlin Airlift",
            "the Hungarian Revolution",
            "the Prague Spring",
            "the French Revolution",
            "the Russian Revolution",
            "the Great Depression",
        ],
    ),
    (
        EntityKind::Group,
        &[
            "the Bolsheviks",
            "the Mensheviks",
            "the Jacobins",
            "the Huguenots",
            "the Normans",
            "the Puritans",
            "the Mujahideen",
            "the Khmer Rouge",
            "the Sandinistas",
            "the Mongols",
        ],
    ),
];

/// What options were found for a card: cached per quiz or review session,
/// since reading the library's names is the costly part.
#[derive(Default)]
pub struct ChoiceSource {
    bodies: HashMap<DocumentId, String>,
    /// The names of the library's texts, read on first need.
    library: Option<LibraryContext>,
}

impl ChoiceSource {
    pub fn new() -> ChoiceSource {
        ChoiceSource::default()
    }

    /// The options of a multiple-choice question, the answer included (in no
    /// particular order): the card's own, else the answer with three wrong
    /// ones of its sort. `None` when there are none to be found.
    pub fn options(&mut self, store: &Store, card: &StoredCard) -> Result<Option<Vec<String>>> {
        if card.kind == CardKind::TrueFalse {
            return Ok(None);
        }
        let mut options: Vec<String> = Vec::new();
        if card.choices.len() >= 2 {
            options = card.choices.clone();
        } else if let Some(wrong) = self.wrong_answers(store, card)? {
            options.push(card.answer.clone());
            options.extend(wrong);
        }
        let mut seen: Vec<String> = Vec::with_capacity(options.len());
        for option in options {
            if !seen.contains(&option) {
                seen.push(option);
            }
        }
        if !seen.contains(&card.answer) || seen.len() < 2 {
            return Ok(None);
        }
        Ok(Some(seen))
    }

    /// Three wrong answers: from the document alone when it has enough (the
    /// cheap, most plausible case), else with the library's and the built-in
    /// names; for an answer that is not a name of its document (a card made
    /// from a selection, or edited), as the card's own sentence reads it.
    fn wrong_answers(&mut self, store: &Store, card: &StoredCard) -> Result<Option<Vec<String>>> {
        let body = match card.document_id {
            Some(id) => {
                if let std::collections::hash_map::Entry::Vacant(entry) = self.bodies.entry(id) {
                    entry.insert(store.document(id)?.body);
                }
                self.bodies[&id].as_str()
            }
            None => "",
        };
        let own = distractors_for(body, &LibraryContext::default(), &card.answer, &card.prompt);
        if own.len() >= 3 {
            return Ok(Some(own));
        }
        if self.library.is_none() {
            self.library = Some(library_names(store, card.document_id)?);
        }
        // The built-in names after the library's, starting at a place that
        // depends on the card, so not every card gets the same three.
        let mut library = self.library.clone().expect("just read");
        library.entities.extend(built_in_names(card.id.0));
        let library = &library;
        let body = card
            .document_id
            .and_then(|id| self.bodies.get(&id))
            .map_or("", String::as_str);
        let wrong = distractors_for(body, library, &card.answer, &card.prompt);
        if wrong.len() >= 3 {
            return Ok(Some(wrong));
        }
        // The answer as a name of its own sentence, or read on its own.
        let texts = [
            card.source_text.as_deref().unwrap_or(""),
            card.answer.as_str(),
        ];
        for text in texts.into_iter().filter(|t| !t.is_empty()) {
            let wrong = distractors_for(text, library, &card.answer, &card.prompt);
            if wrong.len() >= 3 {
                return Ok(Some(wrong));
            }
        }
        Ok(None)
    }
}

/// The names of the library's texts, in text order, those in the category of
/// `document_id` first, up to a budget of text.
fn library_names(store: &Store, document_id: Option<DocumentId>) -> Result<LibraryContext> {
    let mut documents = store.list_documents()?;
    let category = documents
        .iter()
        .find(|d| Some(d.id) == document_id)
        .map(|d| d.category_path.clone());
    // Stable: the same category first, each group newest first as listed.
    documents.sort_by_key(|d| Some(&d.category_path) != category.as_ref());
    let mut seen: HashSet<(String, EntityKind)> = HashSet::new();
    let mut entities = Vec::new();
    let mut budget = LIBRARY_TEXT_BUDGET;
    for summary in documents {
        if budget == 0 {
            break;
        }
        let body = store.document(summary.id)?.body;
        let take: String = body.chars().take(budget).collect();
        budget = budget.saturating_sub(take.chars().count());
        for entity in entities_of(&take) {
            if seen.insert((entity.text.clone(), entity.kind)) {
                entities.push(entity);
            }
        }
    }
    Ok(LibraryContext { entities })
}

/// The built-in names as library entities, each sort's list rotated by `seed`.
fn built_in_names(seed: i64) -> impl Iterator<Item = LibraryEntity> {
    let start = seed.unsigned_abs() as usize;
    BUILT_IN.iter().flat_map(move |(kind, names)| {
        let at = start.wrapping_mul(7) % names.len();
        names[at..]
            .iter()
            .chain(&names[..at])
            .map(move |name| LibraryEntity {
                text: (*name).to_owned(),
                kind: *kind,
            })
    })
}
