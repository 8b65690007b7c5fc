//! `clio stats`: the Progress screen's figures in a terminal (or as JSON,
//! exactly what the window receives).

use clio_core::stats::{self, Dashboard, RetentionCell};
use clio_core::time::now_ms;
use clio_core::Store;

pub fn stats(store: &Store, json: bool) -> clio_core::Result<()> {
    let dashboard = stats::dashboard(store, now_ms())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&dashboard).expect("plain data serialises")
        );
    } else {
        print!("{}", render(&dashboard));
    }
    Ok(())
}

/// 1234567 → "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |s| format!("{:.1}%", s * 100.0))
}

fn cell(c: &RetentionCell) -> String {
    format!(
        "{:>6} of {:<7}",
        percent(c.rate),
        thousands(u64::from(c.reviews))
    )
}

fn render(d: &Dashboard) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    if d.is_empty {
        line("Nothing to show yet: accept some cards and review them; your progress will appear here.".into());
        return out;
    }
    let t = &d.today;
    let minutes = (t.time_spent_ms + 30_000) / 60_000;
    line(format!(
        "today ({}):  {} reviewed · {} due now · {} later today · {} new learned · {} min",
        d.today_date,
        thousands(u64::from(t.reviewed)),
        thousands(u64::from(t.due_now)),
        thousands(u64::from(t.due_later_today)),
        thousands(u64::from(t.new_learned)),
        minutes
    ));
    let pending = if t.reviewed_today || t.streak_days == 0 {
        ""
    } else {
        " (review today to keep it)"
    };
    line(format!(
        "streak:  {} days{pending}; longest {} days",
        t.streak_days, t.longest_streak_days
    ));
    let h = &d.heatmap;
    line(format!(
        "past year:  {} answers on {} days",
        thousands(u64::from(h.total)),
        h.active_days
    ));
    let f = &d.forecast;
    let busiest = f
        .days
        .iter()
        .max_by_key(|day| (day.count, std::cmp::Reverse(day.day)));
    line(format!(
        "next 30 days:  {} due ({} overdue){}",
        thousands(u64::from(f.total)),
        thousands(u64::from(f.overdue)),
        busiest
            .filter(|b| b.count > 0)
            .map_or(String::new(), |b| format!(
                "; busiest {} ({})",
                b.date,
                thousands(u64::from(b.count))
            ))
    ));
    line(String::new());
    line("true retention   young              mature             all".into());
    for p in &d.retention {
        line(format!(
            "  {:>3} days       {}  {}  {}",
            p.days,
            cell(&p.young),
            cell(&p.mature),
            cell(&p.all)
        ));
    }
    let s = &d.states;
    line(String::new());
    line(format!(
        "cards:  {} new · {} learning · {} relearning · {} young · {} mature · {} suspended ({} in all)",
        thousands(u64::from(s.new)),
        thousands(u64::from(s.learning)),
        thousands(u64::from(s.relearning)),
        thousands(u64::from(s.young)),
        thousands(u64::from(s.mature)),
        thousands(u64::from(s.suspended)),
        thousands(u64::from(s.total))
    ));
    if !d.categories.is_empty() {
        line(String::new());
        line("mastery by category (mean recall now · share learned · cards)".into());
        for c in &d.categories {
            let m = &c.mastery;
            line(format!(
                "  {:<40} {:>6} · {:>6} · {}",
                c.path.join(" › "),
                percent(m.mean_retrievability),
                percent(Some(m.learned_share)),
                thousands(u64::from(m.cards))
            ));
        }
    }
    if !d.hardest.is_empty() {
        line(String::new());
        line("hardest cards".into());
        for c in &d.hardest {
            let source = c
                .document_title
                .as_deref()
                .map_or(String::new(), |t| format!("  [{t}]"));
            line(format!("  {:>2} lapses  {}{source}", c.lapses, c.prompt));
        }
    }
    if let Some(last) = d.quiz_scores.last() {
        line(String::new());
        let mean = d.quiz_scores.iter().map(|q| q.score).sum::<f64>() / d.quiz_scores.len() as f64;
        line(format!(
            "quizzes:  {} finished, mean score {}; last {} of {}",
            d.quiz_scores.len(),
            percent(Some(mean)),
            last.correct,
            last.questions
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn large_numbers_get_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
