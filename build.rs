//! Embeds the default corpus (`assets/articles`) into the binary, so that the app opens the same
//! five articles from any working directory. The list is generated rather than written by hand so
//! that adding a file to the folder is all it takes.
//!
//! Also gives the build an id (`STORYLINE_BUILD_ID`): a hash of the sources, the assets and the
//! locked dependencies, so that answers kept on disk by one build are never read by another.
use std::hash::{Hash, Hasher};
use std::{env, fs, path::Path};

/// Every file under `dir`, in a stable order, hashed by path and content.
fn hash_tree(dir: &Path, h: &mut impl Hasher) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            hash_tree(&p, h);
        } else if let Ok(bytes) = fs::read(&p) {
            p.hash(h);
            bytes.hash(h);
        }
    }
}

fn main() {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for part in ["src", "assets", "Cargo.lock", "Cargo.toml"] {
        println!("cargo:rerun-if-changed={part}");
        let path = Path::new(part);
        if path.is_dir() {
            hash_tree(path, &mut h);
        } else if let Ok(bytes) = fs::read(path) {
            bytes.hash(&mut h);
        }
    }
    env::var("PROFILE").ok().hash(&mut h);
    println!("cargo:rustc-env=STORYLINE_BUILD_ID={:016x}", h.finish());

    let dir = Path::new("assets/articles");
    println!("cargo:rerun-if-changed=assets/articles");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("assets/articles exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The path is the compiling crate's own, not written out here: clones of this repository share
    // one build folder (`.cargo/config.toml`), and cargo gives their build scripts one output
    // folder, so a path written here could name another clone's file.
    let mut out = String::from("pub static EMBEDDED_ARTICLES: &[(&str, &[u8])] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed=assets/articles/{n}");
        out.push_str(&format!(
            "    ({n:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),\n",
            format!("/assets/articles/{n}")
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_articles.rs");
    fs::write(dest, out).unwrap();
}
