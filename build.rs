//! Embeds the default corpus (`assets/articles`) into the binary, so that the app opens the same
//! five articles from any working directory. The list is generated rather than written by hand so
//! that adding a file to the folder is all it takes.
use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("assets/articles");
    println!("cargo:rerun-if-changed=assets/articles");
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("assets/articles exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let mut out = String::from("pub static EMBEDDED_ARTICLES: &[(&str, &[u8])] = &[\n");
    for n in &names {
        println!("cargo:rerun-if-changed=assets/articles/{n}");
        out.push_str(&format!(
            "    ({n:?}, include_bytes!({:?})),\n",
            format!("{root}/assets/articles/{n}")
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_articles.rs");
    fs::write(dest, out).unwrap();
}
