//! `cargo xtask pkg`: builds the npm package `vipmp` into `pkg/`.
//!
//! One wasm build, two JS front doors: `pkg/node/` (wasm-bindgen's `nodejs`
//! target: CommonJS that instantiates synchronously, so Node needs no `init()`,
//! and ESM `import` works through Node's CommonJS named exports) and `pkg/web/`
//! (the `web` target: an ES module whose default export `init()` fetches the
//! wasm once, for browsers and bundlers). `pkg-template/` supplies
//! `package.json` with the conditional `exports` map and the README.
//!
//! The `wasm-bindgen` CLI must be the exact version `Cargo.lock` pins for the
//! crate (the two halves of the bindings must agree); `scripts/wasm-tools`
//! installs it. `wasm-opt` runs when a recent one is on `PATH`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const OUT_NAME: &str = "vipmp";
/// The oldest binaryen whose output current engines accept (see [`optimize`]).
const MIN_WASM_OPT: u32 = 116;
/// Features the Rust 1.95 wasm target emits, which Debian's older wasm-opt must
/// be told about.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Options of `cargo xtask pkg`.
struct PkgOptions {
    features: Option<String>,
    out: PathBuf,
    /// `--config` overrides for cargo (e.g. `profile.wasm.opt-level=3`), for
    /// measuring other builds than the shipped one (`scripts/opt-study`).
    cargo_config: Vec<String>,
    /// wasm-opt's optimisation level: `z` (shipped), `s`, `2`, `3`.
    wasm_opt_level: String,
}

/// Builds the package.
pub(crate) fn build(root: &Path, args: &[&str]) -> Result<(), String> {
    let options = parse_args(root, args)?;
    let wasm = cargo_build(root, &options)?;
    check_bindgen_version(root)?;
    std::fs::remove_dir_all(&options.out).ok();
    for (target, dir) in [("nodejs", "node"), ("web", "web")] {
        let out_dir = options.out.join(dir);
        bindgen(&wasm, target, &out_dir)?;
        optimize(
            &out_dir.join(format!("{OUT_NAME}_bg.wasm")),
            &options.wasm_opt_level,
        )?;
    }
    copy_template(&root.join("pkg-template"), &options.out)?;
    report_size(&options.out.join("web").join(format!("{OUT_NAME}_bg.wasm")))
}

fn parse_args(root: &Path, args: &[&str]) -> Result<PkgOptions, String> {
    let mut options = PkgOptions {
        features: None,
        out: root.join("pkg"),
        cargo_config: Vec::new(),
        wasm_opt_level: "z".to_owned(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = rest.next().ok_or_else(|| format!("{arg} needs a value"))?;
        match *arg {
            "--features" => options.features = Some((*value).to_owned()),
            "--out" => options.out = PathBuf::from(value),
            "--config" => options.cargo_config.push((*value).to_owned()),
            "--wasm-opt" if matches!(*value, "z" | "s" | "2" | "3") => {
                options.wasm_opt_level = (*value).to_owned();
            }
            "--wasm-opt" => return Err(format!("--wasm-opt takes z, s, 2 or 3, not {value}")),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(options)
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|e| format!("{command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed: {status}"))
    }
}

/// The cargo profile of the shipped wasm (size first; see the workspace
/// `Cargo.toml`).
const WASM_PROFILE: &str = "wasm";

fn cargo_build(root: &Path, options: &PkgOptions) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command.current_dir(root).args([
        "build",
        "--profile",
        WASM_PROFILE,
        "--locked",
        "-p",
        "vipmp-wasm",
        "--target",
        WASM_TARGET,
    ]);
    if let Some(features) = &options.features {
        command.args(["--features", features]);
    }
    for setting in &options.cargo_config {
        command.args(["--config", setting]);
    }
    run(&mut command)?;
    Ok(root
        .join("target")
        .join(WASM_TARGET)
        .join(WASM_PROFILE)
        .join("vipmp_wasm.wasm"))
}

/// The version of a package as `Cargo.lock` records it.
fn locked_version(root: &Path, name: &str) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let marker = format!("name = \"{name}\"\nversion = \"");
    let start = lock
        .find(&marker)
        .ok_or_else(|| format!("{name} is not in Cargo.lock"))?
        + marker.len();
    let end = lock[start..].find('"').ok_or("malformed Cargo.lock")? + start;
    Ok(lock[start..end].to_owned())
}

fn check_bindgen_version(root: &Path) -> Result<(), String> {
    let wanted = locked_version(root, "wasm-bindgen")?;
    let output = Command::new("wasm-bindgen").arg("--version").output();
    let found = output
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    if found == format!("wasm-bindgen {wanted}") {
        return Ok(());
    }
    Err(format!(
        "need wasm-bindgen {wanted} on PATH, found {found:?}: run scripts/wasm-tools"
    ))
}

fn bindgen(wasm: &Path, target: &str, out_dir: &Path) -> Result<(), String> {
    run(Command::new("wasm-bindgen")
        .arg(wasm)
        .args(["--target", target, "--out-name", OUT_NAME, "--out-dir"])
        .arg(out_dir))
}

/// Runs `wasm-opt -O{level}` (`-Oz` for the shipped build) when a recent
/// enough one is on `PATH`. Binaryen before
/// version 116 writes wasm-bindgen's `externref` table as `anyref`, which a
/// current V8 refuses to grow: Debian bookworm's 108 breaks the module, so it is
/// skipped (scripts/wasm-tools installs npm's `binaryen` instead).
fn optimize(wasm: &Path, level: &str) -> Result<(), String> {
    match wasm_opt_version() {
        Some(version) if version >= MIN_WASM_OPT => {}
        found => {
            println!(
                "wasm-opt {found:?} is missing or older than {MIN_WASM_OPT}: {} left unoptimised",
                wasm.display()
            );
            return Ok(());
        }
    }
    run(Command::new("wasm-opt")
        .arg(format!("-O{level}"))
        .args(WASM_OPT_FEATURES)
        .arg(wasm)
        .arg("-o")
        .arg(wasm))
}

/// `wasm-opt version 132 (version_132)` → 132.
fn wasm_opt_version() -> Option<u32> {
    let output = Command::new("wasm-opt").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace().nth(2)?.parse().ok()
}

fn copy_template(template: &Path, out: &Path) -> Result<(), String> {
    for entry in walk(template)? {
        let relative = entry.strip_prefix(template).map_err(|e| e.to_string())?;
        let target = out.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::copy(&entry, &target).map_err(|e| format!("{}: {e}", entry.display()))?;
    }
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(walk(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}

fn report_size(wasm: &Path) -> Result<(), String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&bytes).map_err(|e| e.to_string())?;
    let gzipped = encoder.finish().map_err(|e| e.to_string())?.len();
    println!(
        "pkg: {} is {} bytes, {} bytes gzipped (-9)",
        wasm.display(),
        bytes.len(),
        gzipped
    );
    Ok(())
}
