//! Writes the seed inputs of every fuzz target (see `vipmp_fuzz::entry::seeds`)
//! into `<corpus dir>/<target>/seed-<name>`: `scripts/fuzz` runs it before
//! fuzzing. Usage: `seed_corpus <repository root> <corpus dir> [TARGET…]`.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(root), Some(corpus)) = (args.next(), args.next()) else {
        eprintln!("usage: seed_corpus <repository root> <corpus dir> [TARGET...]");
        std::process::exit(2);
    };
    let only: Vec<String> = args.collect();
    let corpus = PathBuf::from(corpus);
    let mut written = 0;
    for seed in vipmp_fuzz::entry::seeds(&PathBuf::from(root)) {
        if !only.is_empty() && !only.iter().any(|target| target == seed.target) {
            continue;
        }
        let dir = corpus.join(seed.target);
        std::fs::create_dir_all(&dir).expect("the corpus directory can be created");
        std::fs::write(dir.join(format!("seed-{}", seed.name)), &seed.data)
            .expect("a seed can be written");
        written += 1;
    }
    println!("seed_corpus: {written} seeds under {}", corpus.display());
}
