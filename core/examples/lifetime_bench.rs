//! A lifetime of study: 1,000,000 cards and 10,000,000 review-log rows in a
//! real SQLite file. Prints the time of the full check (quick_check), of the
//! window's start-up check and how long the window waits in all, to open
//! the file (the deck's warm-up then starts on a thread of its own, as in the
//! window), to build today's queue (the first after opening, and the median
//! of five), per answer (writing it and fetching the next card: the first
//! after opening, then mean and p99 over 2,000 answers, in wall time and in
//! the answering thread's CPU time, which a busy machine does not inflate),
//! for the Progress dashboard (its first opening, with the warmed deck, and
//! reopenings after 20 answers, which re-read only those cards; then a first
//! opening on a store without the warm-up, which reads the whole deck), and
//! for reading the whole review log as the optimiser
//! does (with peak memory). Targets: open ≤ 50 ms, queue ≤ 100 ms, answer ≤
//! 0.3 ms, dashboard ≤ 300 ms.
//!
//! Building the file takes minutes, so it is made once at PATH (default
//! /tmp/clio-lifetime.sqlite3) and reused; each run works on a copy, so every
//! run starts from the same collection.
//!
//!     cargo run -p clio-core --release --example lifetime_bench [PATH] [cards] [reviews] [--optimize] [--no-history]
//!
//! `--optimize` also fits FSRS parameters to the log as `clio optimize` does
//! (on a sample of whole cards with at most 2,000,000 answers), printing its
//! progress and peak memory; `--no-history` stops after the dashboard.

use std::path::PathBuf;
use std::time::Instant;

use clio_core::review::{learner_day_start, scheduler_config, ReviewMode, ReviewSession};
use clio_core::schedule::{optimize_with_progress, Rating, MAX_ANSWERS_FOR_OPTIMIZE};
use clio_core::stats::dashboard;
use clio_core::Store;

/// "Now" for the collection: fixed, so a reused file is at the same point.
const NOW: i64 = 1_780_000_000_000;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time this process has used (user + system), in ms, from /proc (10 ms
/// ticks): on a shared, busy machine wall time includes waiting for a core.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (tick(11) + tick(12)) * 10.0
}

/// CPU time this thread has used, in ms (ns resolution): on a busy machine a
/// single answer's wall time mostly measures waiting for a core.
fn thread_cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6
}

/// This thread's (user, system) CPU time so far, in ms.
fn thread_user_system_ms() -> (f64, f64) {
    // SAFETY: an all-zero rusage is valid, and getrusage only fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    (ms(usage.ru_utime), ms(usage.ru_stime))
}

/// Mean and p99 of `times`.
fn mean_p99(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    (
        mean,
        times.get(times.len() * 99 / 100).copied().unwrap_or(0.0),
    )
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Waits for the deck's warm-up (if still running) and says how long it took.
fn wait_for_warm_up(warm_up: &mut Option<std::thread::JoinHandle<()>>, started: Instant) {
    if let Some(thread) = warm_up.take() {
        let waited = Instant::now();
        let outcome = match thread.join() {
            Ok(()) => "done",
            Err(_) => "failed",
        };
        println!(
            "deck warm-up:    {outcome} {:.0} ms after it started (waited {:.0} ms for it here)",
            started.elapsed().as_secs_f64() * 1e3,
            waited.elapsed().as_secs_f64() * 1e3
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let optimize = args.iter().any(|a| a == "--optimize");
    let mut positional = args.iter().filter(|a| !a.starts_with("--"));
    let path = PathBuf::from(
        positional
            .next()
            .cloned()
            .unwrap_or_else(|| "/tmp/clio-lifetime.sqlite3".into()),
    );
    let cards: u64 = positional
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let reviews: u64 = positional
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000_000);

    if !path.exists() {
        let t = Instant::now();
        let building = path.with_extension("building");
        let _ = std::fs::remove_file(&building);
        Store::open(&building)?.seed_synthetic_collection(cards, reviews, NOW)?;
        std::fs::rename(&building, &path)?;
        println!(
            "built {} with {cards} cards and {reviews} review-log rows in {:.0} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
    }
    // Brings the file to this build's schema once (a migration over 10M log
    // rows takes minutes), so each run's copy opens without migrating.
    let t = Instant::now();
    drop(Store::open(&path)?);
    if t.elapsed().as_secs() >= 1 {
        println!(
            "brought {} to the current schema in {:.0} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
    }
    let dir = tempfile::tempdir()?;
    let copy = dir.path().join("lifetime.sqlite3");
    std::fs::copy(&path, &copy)?;
    println!(
        "collection: {} ({:.0} MB)",
        path.display(),
        std::fs::metadata(&copy)?.len() as f64 / 1e6
    );

    // Opening once first so the file is in the page cache, as on a second launch.
    drop(Store::open(&copy)?);
    // The full check (PRAGMA quick_check, read-only) reads the whole file: the
    // CLI runs it before opening; the window, for a library this large that
    // closed cleanly, after launch (on a thread of its own).
    let size_mb = std::fs::metadata(&copy)?.len() as f64 / 1e6;
    let t = Instant::now();
    let cpu = cpu_ms();
    clio_core::backup::check_at_start(&copy)?;
    let full_ms = t.elapsed().as_secs_f64() * 1e3;
    let full_cpu = cpu_ms() - cpu;
    println!(
        "full check:      {full_ms:.0} ms ({full_cpu:.0} ms of CPU: {:.0} MB/s, {:.0} MB per CPU-second; PRAGMA quick_check: the CLI's before opening, the window's in the background)",
        size_mb / (full_ms / 1e3),
        size_mb / (full_cpu / 1e3)
    );
    // What the window waits for before it can show the library: its start-up
    // check (header, application id, schema version; the full check only for a
    // small file or one left with a WAL), then opening the store.
    let t = Instant::now();
    let c = thread_cpu_ms();
    let launch = clio_core::backup::check_at_launch(&copy)?;
    let launch_ms = t.elapsed().as_secs_f64() * 1e3;
    let launch_cpu = thread_cpu_ms() - c;
    let t = Instant::now();
    let c = thread_cpu_ms();
    let mut store = Store::open(&copy)?;
    let open_ms = t.elapsed().as_secs_f64() * 1e3;
    let open_cpu = thread_cpu_ms() - c;
    println!(
        "start-up check:  {launch_ms:.1} ms, {launch_cpu:.1} ms of CPU (the window's, before opening; full check {})",
        if launch.full_check_deferred { "left for the background" } else { "run" }
    );
    println!(
        "window waits:    {:.1} ms before it can show the library (check + open, target ≤ 50 ms)",
        launch_ms + open_ms
    );
    store.defer_checkpoints(std::time::Duration::from_secs(5))?;
    println!("open:            {open_ms:.1} ms, {open_cpu:.1} ms of CPU (target ≤ 50 ms)");
    // As the window does after launch: the deck for Progress and the
    // library's bars is read on a thread of its own while the learner starts.
    let t = Instant::now();
    let c = thread_cpu_ms();
    let mut warm_up = store.warm_deck_in_background()?;
    let warm_started = Instant::now();
    println!(
        "deck warm-up:    started in {:.1} ms ({:.1} ms of CPU on the opening thread)",
        t.elapsed().as_secs_f64() * 1e3,
        thread_cpu_ms() - c
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average:    {}", load.trim());
    }

    let mut queue_times = Vec::new();
    let t = Instant::now();
    let c = thread_cpu_ms();
    let mut session = Some(ReviewSession::start(
        &store,
        scheduler_config(&store)?,
        NOW,
    )?);
    println!(
        "first queue:     {:.1} ms, {:.1} ms of CPU (the first after opening)",
        t.elapsed().as_secs_f64() * 1e3,
        thread_cpu_ms() - c
    );
    let c = thread_cpu_ms();
    for _ in 0..5 {
        let t = Instant::now();
        session = Some(ReviewSession::start(
            &store,
            scheduler_config(&store)?,
            NOW,
        )?);
        queue_times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let queue_cpu = (thread_cpu_ms() - c) / 5.0;
    let mut session = session.expect("five runs");
    let counts = session.counts();
    println!(
        "today's queue:   median {:.1} ms over 5 runs, {queue_cpu:.0} ms of the thread's CPU each ({} new, {} learning, {} to review) (target ≤ 100 ms)",
        median(queue_times),
        counts.new,
        counts.learning,
        counts.review
    );

    let ratings = [
        Rating::Good,
        Rating::Good,
        Rating::Again,
        Rating::Good,
        Rating::Hard,
        Rating::Easy,
    ];
    let mut times = Vec::with_capacity(2000);
    let mut cpu_times = Vec::with_capacity(2000);
    let mut status_cpu = Vec::with_capacity(2000);
    let mut clock = NOW;
    // (Moved on by the warm-up's CPU while the first answer waits for it.)
    let mut process_cpu_start = cpu_ms();
    let (user, system) = thread_user_system_ms();
    for i in 0..2000 {
        let t = Instant::now();
        let c = thread_cpu_ms();
        let Some(card) = session.status(&store, clock, ReviewMode::Reveal)?.card else {
            break;
        };
        status_cpu.push(thread_cpu_ms() - c);
        session.answer(
            &mut store,
            card.card.card.id.0,
            ratings[i % ratings.len()],
            clock,
            Some(5_000),
            ReviewMode::Reveal,
        )?;
        cpu_times.push(thread_cpu_ms() - c);
        times.push(t.elapsed().as_secs_f64() * 1e3);
        clock += 1_000;
        // The rest of the answers once the warm-up is over, as a learner's
        // would be (it takes a second or two; they take 2,000 × 0.2 ms here).
        if i == 0 {
            let before = cpu_ms();
            wait_for_warm_up(&mut warm_up, warm_started);
            process_cpu_start += cpu_ms() - before;
        }
    }
    println!(
        "first answer:    {:.3} ms, {:.3} ms of CPU (showing the first card and answering it, after opening)",
        times.first().copied().unwrap_or(0.0),
        cpu_times.first().copied().unwrap_or(0.0)
    );
    let answer_cpu = (cpu_ms() - process_cpu_start) / times.len() as f64;
    let (cpu_mean, cpu_p99) = mean_p99(cpu_times);
    let (status_mean, status_p99) = mean_p99(status_cpu);
    let (user_after, system_after) = thread_user_system_ms();
    let answers = times.len().max(1) as f64;
    times.sort_by(f64::total_cmp);
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "answer + next:   CPU of the answering thread: mean {cpu_mean:.3} ms, p99 {cpu_p99:.3} ms (target ≤ 0.3 ms); showing the card {status_mean:.3} ms (p99 {status_p99:.3}); user {:.3} ms + system {:.3} ms per answer",
        (user_after - user) / answers,
        (system_after - system) / answers
    );
    println!(
        "answer + next:   wall mean {mean:.3} ms ({answer_cpu:.3} ms of process CPU), median {:.3} ms, p99 {:.3} ms, max {:.1} ms over {} answers (target ≤ 0.3 ms)",
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times[times.len() - 1],
        times.len()
    );

    wait_for_warm_up(&mut warm_up, warm_started);
    let t = Instant::now();
    let cpu = cpu_ms();
    std::hint::black_box(dashboard(&store, clock)?);
    let first = t.elapsed().as_secs_f64() * 1e3;
    let first_cpu = cpu_ms() - cpu;
    // Reopened after 20 more answers each time, as between study sessions:
    // the kept deck re-reads only the cards answered.
    let mut dash = Vec::new();
    let mut dash_cpu = 0.0;
    for run in 0..5 {
        for i in 0..20 {
            let Some(card) = session.status(&store, clock, ReviewMode::Reveal)?.card else {
                break;
            };
            session.answer(
                &mut store,
                card.card.card.id.0,
                ratings[(run + i) % ratings.len()],
                clock,
                Some(5_000),
                ReviewMode::Reveal,
            )?;
            clock += 1_000;
        }
        let t = Instant::now();
        let cpu = cpu_ms();
        std::hint::black_box(dashboard(&store, clock)?);
        dash_cpu += cpu_ms() - cpu;
        dash.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "dashboard:       first {first:.1} ms ({first_cpu:.0} ms of CPU; the deck warmed after launch, patched for the answers since); reopened after 20 answers: median {:.1} ms over 5 runs, {:.0} ms of CPU each (target ≤ 300 ms)",
        median(dash),
        dash_cpu / 5.0
    );
    // Without the warm-up: a store whose first dashboard reads the whole
    // deck (two threads), as it did before.
    let cold = Store::open(&copy)?;
    let t = Instant::now();
    let cpu = cpu_ms();
    std::hint::black_box(dashboard(&cold, clock)?);
    println!(
        "dashboard:       first without a warm-up {:.1} ms ({:.0} ms of CPU: the whole deck read, two threads)",
        t.elapsed().as_secs_f64() * 1e3,
        cpu_ms() - cpu
    );
    drop(cold);

    if args.iter().any(|a| a == "--no-history") {
        return Ok(());
    }
    let before = peak_rss_mb();
    let t = Instant::now();
    let history = store.review_history()?;
    let answers: usize = history.iter().map(|h| h.reviews.len()).sum();
    println!(
        "review history:  {answers} answers of {} cards read in {:.0} ms; peak memory {:.0} MB (was {:.0} MB)",
        history.len(),
        t.elapsed().as_secs_f64() * 1e3,
        peak_rss_mb().unwrap_or(0.0),
        before.unwrap_or(0.0)
    );
    drop(history);

    if optimize {
        // As review::optimize_parameters does, with the fit's progress shown.
        let t = Instant::now();
        let history = store.review_history()?;
        let (current, _) = store.active_parameters()?;
        let report = optimize_with_progress(
            &history,
            &current,
            learner_day_start(clock),
            |done, total| {
                println!(
                    "  optimiser: {done}/{total} ({:.0} s)",
                    t.elapsed().as_secs_f64()
                );
            },
        )?;
        println!(
            "optimiser:       {:.0} s on {} training answers (at most {MAX_ANSWERS_FOR_OPTIMIZE} sampled), log loss {:.4} → {:.4}, adopted {}; peak memory {:.0} MB",
            t.elapsed().as_secs_f64(),
            report.reviews_used,
            report.log_loss_before,
            report.log_loss_after,
            report.adopted,
            peak_rss_mb().unwrap_or(0.0)
        );
    }
    Ok(())
}
