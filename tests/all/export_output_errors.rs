//! Writing an export where it cannot go: a missing folder, a folder without write permission, a
//! path that is a folder. Each is an `Io` error whose message names the path, no partial or
//! temporary file is left behind, and a file already at the target is left exactly as it was.
//!
//! Permission is tested for real: as an ordinary user through a read-only folder, and when the tests
//! run as root (who ignores permission bits) by running the CLI as `nobody` through `setpriv`.

use std::path::{Path, PathBuf};
use std::process::Command;
use storyline::api::Options;
use storyline::export::{write_atomically, Format};
use storyline::timeline::Filter;
use storyline::{ErrorCode, Library};

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_missing_folder_is_an_io_error_naming_the_path_and_nothing_is_created() {
    let lib = Library::open(&Options::default()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("no-such-folder").join("out.csv");
    for format in [Format::Json, Format::Csv, Format::Md] {
        let err = lib
            .export_to_file(format, &Filter::default(), false, &target)
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(
            err.message.contains(&target.display().to_string()),
            "{}",
            err.message
        );
        assert!(err.message.contains("does not exist"), "{}", err.message);
    }
    assert!(
        entries(tmp.path()).is_empty(),
        "no folder or file created: {:?}",
        entries(tmp.path())
    );
}

#[test]
fn a_folder_as_target_is_an_io_error_and_the_folder_is_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("taken");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "keep").unwrap();
    let err = write_atomically(&target, b"data").unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(
        err.message.contains(&target.display().to_string()),
        "{}",
        err.message
    );
    assert_eq!(
        entries(tmp.path()),
        ["taken"],
        "no temporary file left beside it"
    );
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn a_successful_write_replaces_the_whole_file_and_leaves_no_temporary() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("out.md");
    std::fs::write(
        &target,
        "old content that is longer than the new one ".repeat(100),
    )
    .unwrap();
    let lib = Library::open(&Options::default()).unwrap();
    lib.export_to_file(Format::Md, &Filter::default(), false, &target)
        .unwrap();
    let written = std::fs::read_to_string(&target).unwrap();
    // The two exports may be made in different seconds: their `generated` stamps aside, they agree.
    let unstamped = |md: &str| {
        md.lines()
            .filter(|l| !l.contains("; generated "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        unstamped(&written),
        unstamped(
            &lib.export(Format::Md, &Filter::default(), false)
                .unwrap()
                .content
        )
    );
    assert_eq!(entries(tmp.path()), ["out.md"]);
}

#[test]
fn a_replaced_file_keeps_its_mode_and_a_new_one_is_readable() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let kept = tmp.path().join("kept.csv");
    std::fs::write(&kept, "old").unwrap();
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    write_atomically(&kept, b"new").unwrap();
    assert_eq!(
        std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let fresh = tmp.path().join("fresh.csv");
    write_atomically(&fresh, b"new").unwrap();
    assert_eq!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        0o644,
        "not the temporary's 0600"
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A folder the export may not write in, holding an existing export, as the caller will see it.
struct ReadOnly {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    existing: PathBuf,
}

fn read_only_folder() -> ReadOnly {
    use std::os::unix::fs::PermissionsExt;
    // World-traversable parent so `nobody` can reach the folder.
    let tmp = tempfile::Builder::new()
        .prefix("storyline-ro-")
        .tempdir_in(std::env::temp_dir())
        .unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = tmp.path().join("locked");
    std::fs::create_dir(&dir).unwrap();
    let existing = dir.join("existing.csv");
    std::fs::write(&existing, "OLD,EXPORT\r\n").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    ReadOnly {
        _tmp: tmp,
        dir,
        existing,
    }
}

fn assert_untouched(ro: &ReadOnly) {
    assert_eq!(
        std::fs::read_to_string(&ro.existing).unwrap(),
        "OLD,EXPORT\r\n",
        "existing file untouched"
    );
    assert_eq!(
        entries(&ro.dir),
        ["existing.csv"],
        "no partial or temporary file"
    );
}

#[test]
fn a_folder_without_write_permission_is_an_io_error_and_leaves_files_untouched() {
    let ro = read_only_folder();
    let new_file = ro.dir.join("new.csv");
    if is_root() {
        // Root ignores permission bits: run the CLI as nobody instead.
        let bin = env!("CARGO_BIN_EXE_storyline");
        for target in [&new_file, &ro.existing] {
            let out = Command::new("setpriv")
                .args([
                    "--reuid=65534",
                    "--regid=65534",
                    "--clear-groups",
                    bin,
                    "export",
                    "--format",
                    "csv",
                    "-o",
                ])
                .arg(target)
                .output()
                .expect("setpriv (util-linux) is needed to test permissions as root");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !out.status.success(),
                "export into a read-only folder must fail"
            );
            assert!(stderr.contains("[io]"), "{stderr}");
            assert!(
                stderr.contains(&target.display().to_string()),
                "message names the path: {stderr}"
            );
            assert!(stderr.contains("ermission denied"), "{stderr}");
            assert_untouched(&ro);
        }
    } else {
        let lib = Library::open(&Options::default()).unwrap();
        for target in [&new_file, &ro.existing] {
            let err = lib
                .export_to_file(Format::Csv, &Filter::default(), false, target)
                .unwrap_err();
            assert_eq!(err.code, ErrorCode::Io);
            assert!(
                err.message.contains(&target.display().to_string()),
                "{}",
                err.message
            );
            assert_untouched(&ro);
        }
    }
}

#[test]
fn the_cli_reports_a_missing_folder_on_stderr_with_a_failing_status() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("missing").join("t.md");
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["export", "--format", "md", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[io]") && stderr.contains(&target.display().to_string()),
        "{stderr}"
    );
    assert!(
        out.stdout.is_empty(),
        "nothing half-written to stdout either"
    );
}
