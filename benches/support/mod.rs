//! What the benches share: a counting global allocator, the requests they encode, and the table of
//! ratios each bench prints after criterion's own report.

#![allow(dead_code)] // Each bench binary uses its own part of this module.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use criterion::Criterion;
use twilio_endpoint::api::v2010::*;

/// The system allocator, counting every allocation and reallocation while [`allocations`] runs. Only
/// then: a locked add per allocation is about 6 ns, a quarter of the floor's time for a small request,
/// which would shrink every ratio when timed; outside a count it costs one relaxed load.
pub struct CountingAllocator;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static COUNTING: AtomicBool = AtomicBool::new(false);

fn count() {
    if COUNTING.load(Ordering::Relaxed) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to `System`.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// How many allocations (reallocations included) `run` makes, its result's drop excluded.
pub fn allocations<T>(run: impl FnOnce() -> T) -> u64 {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let result = run();
    COUNTING.store(false, Ordering::Relaxed);
    let counted = ALLOCATIONS.load(Ordering::Relaxed) - before;
    drop(result);
    counted
}

#[path = "../../tests/support/every_parameter.rs"]
mod every_parameter;
#[allow(unused_imports)] // Not every bench binary builds the every-parameter request.
pub use every_parameter::every_parameter;
use every_parameter::{address, conference};

/// Create Participant with its required parameters only (`From`, `To`).
pub fn minimal() -> CreateParticipant {
    CreateParticipant::new(conference(), address("+15017122661"), address("+15558675310"))
}

/// The body the official Python SDK sent for [`every_parameter`], from the wire fixture.
pub fn sdk_body() -> String {
    let fixture: serde_json::Value = serde_json::from_str(include_str!("../../tests/fixtures/sdk_wire.json"))
        .expect("the fixture is JSON");
    fixture["create_participant_every_parameter"]["body"].as_str().expect("a body").to_owned()
}

/// Criterion, configured from the command line (`cargo bench --bench NAME -- FILTER`).
pub fn criterion() -> Criterion {
    Criterion::default().configure_from_args()
}

/// Whether the bench runs for real: not under `cargo test --benches` or `-- --test`, where criterion
/// runs each routine once and the ratios would take seconds for nothing.
pub fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench") && !std::env::args().any(|arg| arg == "--test")
}

/// Times `subject` against `baseline` paired: they run alternately in batches of about 0.2 ms, and the
/// ratio is the median of the per-round ratios. On a machine shared with builds, a load that comes and
/// goes slows both sides of a round alike, where separate runs would each catch a different share.
pub fn paired_ratio<A, B>(mut subject: impl FnMut() -> A, mut baseline: impl FnMut() -> B) -> Paired {
    const ROUNDS: usize = 301;
    let time = |run: &mut dyn FnMut(), iterations: u32| {
        let start = Instant::now();
        for _ in 0..iterations {
            run();
        }
        start.elapsed().as_secs_f64() / f64::from(iterations)
    };
    let mut run_subject = || drop(black_box(subject()));
    let mut run_baseline = || drop(black_box(baseline()));
    // Batches of about 0.2 ms each, from one timed call of each.
    let batch = |run: &mut dyn FnMut()| (2e-4 / time(run, 1).max(1e-9)).clamp(1.0, 1e5) as u32;
    let (subject_batch, baseline_batch) = (batch(&mut run_subject), batch(&mut run_baseline));
    let mut ratios = Vec::with_capacity(ROUNDS);
    let (mut subject_times, mut baseline_times) = (Vec::with_capacity(ROUNDS), Vec::with_capacity(ROUNDS));
    for round in 0..ROUNDS {
        // Which side goes first alternates, so that neither always runs on a warmer cache.
        let (s, b) = if round % 2 == 0 {
            let s = time(&mut run_subject, subject_batch);
            (s, time(&mut run_baseline, baseline_batch))
        } else {
            let b = time(&mut run_baseline, baseline_batch);
            (time(&mut run_subject, subject_batch), b)
        };
        ratios.push(s / b);
        subject_times.push(s);
        baseline_times.push(b);
    }
    Paired {
        ratio: median(ratios),
        subject_ns: median(subject_times) * 1e9,
        baseline_ns: median(baseline_times) * 1e9,
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// What [`paired_ratio`] measured.
pub struct Paired {
    /// The median of the rounds' `subject / baseline` times: below 1, the subject is faster.
    pub ratio: f64,
    pub subject_ns: f64,
    pub baseline_ns: f64,
}

/// The lines printed after criterion's report: each figure against its baseline, with its target.
#[derive(Default)]
pub struct Ratios {
    text: String,
}

impl Ratios {
    /// A [`paired_ratio`] of `subject` against `baseline`, which meets its target when the ratio is at
    /// most `max`.
    pub fn time(&mut self, subject: &str, baseline: &str, paired: &Paired, max: Option<f64>) {
        let Paired { ratio, subject_ns, baseline_ns } = paired;
        let _ = writeln!(
            self.text,
            "{subject:<40} {ratio:>6.2}x {baseline:<32} [{subject_ns:>9.0} ns / {baseline_ns:>9.0} ns]{}",
            verdict(*ratio <= max.unwrap_or(f64::INFINITY), max)
        );
    }

    /// A count, which meets its target when it is at most `max`.
    pub fn count(&mut self, what: &str, count: u64, max: Option<u64>) {
        let _ =
            writeln!(self.text, "{what:<40} {count:>6}{}", verdict(count <= max.unwrap_or(u64::MAX), max));
    }

    pub fn print(&self, title: &str) {
        println!("\n== {title} ==\n{}", self.text);
    }
}

fn verdict(met: bool, target: Option<impl std::fmt::Display>) -> String {
    match target {
        Some(max) => format!("  target <= {max}: {}", if met { "met" } else { "MISSED" }),
        None => String::new(),
    }
}
