//! Reading article files in every encoding and shape a user may hand us: each one loads, or is
//! refused with a message that names the file, and the other articles still load.

use std::fs;
use std::path::Path;
use storyline::corpus::{decode, Corpus, SourceFormat, MAX_FILE_BYTES};
use storyline::text::build;
use storyline::ErrorCode;

fn original(prefix: &str) -> String {
    crate::common::embedded_text(prefix)
}

/// The lines of `text` that `enc` can represent (GBK lacks `•`, Big5 lacks some variants).
fn representable(text: &str, enc: &'static encoding_rs::Encoding) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !enc.encode(l).2).collect();
    assert!(
        lines.len() * 10 >= text.lines().count() * 8,
        "most of the article fits {}",
        enc.name()
    );
    lines.join("\n")
}

fn encode(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = enc.encode(text);
    assert_eq!(used, enc, "{} encodes itself", enc.name());
    assert!(!unmappable, "the sample is representable in {}", enc.name());
    bytes.into_owned()
}

/// Big5-HKSCS bytes: encoding_rs's Big5 encoder leaves out the HKSCS rows below 0xA1 (as the
/// WHATWG standard says), so those chars are found by decoding every two-byte code instead.
fn big5_hkscs(text: &str) -> Vec<u8> {
    let mut reverse = std::collections::HashMap::new();
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
            let pair = [lead, trail];
            let (s, bad) = encoding_rs::BIG5.decode_without_bom_handling(&pair);
            let mut cs = s.chars();
            if let (false, Some(c), None) = (bad, cs.next(), cs.next()) {
                reverse.entry(c).or_insert([lead, trail]);
            }
        }
    }
    let mut out = Vec::new();
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (bytes, _, unmappable) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
        if unmappable {
            out.extend(
                reverse
                    .get(&c)
                    .unwrap_or_else(|| panic!("{c} is in Big5-HKSCS")),
            );
        } else {
            out.extend(bytes.iter());
        }
    }
    out
}

fn utf16_with_bom(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

#[test]
fn legacy_chinese_encodings_and_utf16_decode_to_the_same_text() {
    let hans = representable(&original("001"), encoding_rs::GBK);
    let hant = representable(&original("000"), encoding_rs::BIG5);
    // Cantonese chars (佢 哋 啲 嚟 冇) are only in Big5-HKSCS.
    let hk = format!(
        "佢哋話錢唔夠,啲人才冇興趣嚟。\n{}",
        representable(&original("003"), encoding_rs::BIG5)
    );
    // GB18030 bytes of chars inside GBK are GBK bytes: either name decodes them the same.
    let gb: &[&str] = &["GBK", "gb18030"];
    let cases: Vec<(&str, Vec<u8>, &str, &[&str])> = vec![
        ("gbk.txt", encode(&hans, encoding_rs::GBK), &hans, gb),
        (
            "gb18030.txt",
            encode(&hant, encoding_rs::GB18030),
            &hant,
            gb,
        ),
        (
            "big5.txt",
            encode(&hant, encoding_rs::BIG5),
            &hant,
            &["Big5"],
        ),
        ("big5hkscs.txt", big5_hkscs(&hk), &hk, &["Big5"]),
        (
            "utf16le.txt",
            utf16_with_bom(&hant, true),
            &hant,
            &["UTF-16LE"],
        ),
        (
            "utf16be.txt",
            utf16_with_bom(&hans, false),
            &hans,
            &["UTF-16BE"],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _, _) in &cases {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let corpus = Corpus::open(dir.path()).unwrap();
    assert!(corpus.issues.is_empty(), "{:?}", corpus.issues);
    for (name, _, text, names) in &cases {
        let a = corpus.articles.iter().find(|a| &a.file == name).unwrap();
        assert!(&*a.text == *text, "{name} decodes to the original text");
        assert!(
            names.contains(&a.encoding),
            "{name}: detected {}",
            a.encoding
        );
    }
    // A GB18030-only char (four bytes, outside GBK) still decodes: encoding_rs decodes GBK
    // labels with the GB18030 decoder, so the detector's name for it does not matter.
    let rare = format!("{hans}\n𠀀字。");
    let (text, enc) = decode(
        &encode(&rare, encoding_rs::GB18030),
        Path::new("gb18030-4byte.txt"),
    )
    .unwrap();
    assert!(text == rare, "GB18030 four-byte chars decode ({enc})");
    assert!(gb.contains(&enc));
    assert!(
        encoding_rs::BIG5.encode(&hk).2,
        "the HKSCS sample needs more than plain Big5"
    );
}

#[test]
fn crlf_and_bom_are_invisible_in_the_display_text() {
    let text = original("000");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(text.replace('\n', "\r\n").as_bytes());
    let (decoded, enc) = decode(&bytes, Path::new("crlf.txt")).unwrap();
    assert_eq!(enc, "UTF-8");
    assert!(!decoded.starts_with('\u{FEFF}'), "the BOM is not text");
    let t = build(&decoded, SourceFormat::Text);
    let plain = build(&text, SourceFormat::Text);
    assert_eq!(t.display, plain.display, "CRLF and LF files read the same");
    assert!(!t.display.contains('\r'));
    // Offsets still point at the right raw chars.
    for (i, c) in t.display.chars().enumerate().filter(|(_, c)| *c != '\n') {
        assert_eq!(t.raw.chars().nth(t.to_raw.get(i)), Some(c));
        if i > 400 {
            break;
        }
    }
}

#[test]
fn stray_control_chars_are_dropped_but_binary_is_refused() {
    let text = format!(
        "標題\n正文\u{0007}第一段,\u{0001}有控制字元。{}\n",
        "內容。".repeat(20)
    );
    let (decoded, _) = decode(text.as_bytes(), Path::new("ctl.txt")).unwrap();
    let t = build(&decoded, SourceFormat::Text);
    assert!(t.display.contains("正文第一段,有控制字元。"));
    let e = decode(
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        Path::new("pic.txt"),
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::BinaryFile);
    assert!(
        e.message.contains("pic.txt") && e.message.contains("binary"),
        "{}",
        e.message
    );
    let noisy: Vec<u8> = (1u8..32).cycle().take(4000).collect();
    assert_eq!(
        decode(&noisy, Path::new("noise.txt")).unwrap_err().code,
        ErrorCode::BinaryFile
    );
}

#[test]
fn empty_files_are_refused_by_name() {
    for bytes in [
        &b""[..],
        b"   \n\r\n\t",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF \n",
    ] {
        let e = decode(bytes, Path::new("empty.txt")).unwrap_err();
        assert_eq!(e.code, ErrorCode::EmptyFile, "{bytes:?}");
        assert!(
            e.message.contains("empty.txt") && e.message.contains("empty")
                || e.message.contains("no text"),
            "{}",
            e.message
        );
    }
}

#[test]
fn a_100_mb_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // Sparse: the size is what the reader checks, before reading anything.
    fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    fs::write(dir.path().join("ok.txt"), original("000")).unwrap();
    let corpus = Corpus::open(dir.path()).unwrap();
    assert_eq!(corpus.articles.len(), 1, "the other article still loads");
    let issue = corpus.issues.iter().find(|i| i.file == "huge.txt").unwrap();
    assert_eq!(issue.code, ErrorCode::TooLarge);
    assert!(
        issue.message.contains("huge.txt") && issue.message.contains("MB"),
        "{}",
        issue.message
    );
    // The 100 MB file of the issue is over the limit, so this is the case it describes.
    const { assert!(MAX_FILE_BYTES < 100 * 1024 * 1024) };
}

#[test]
fn one_huge_line_loads_and_builds() {
    let sentence = "Meta宣布投資數千億美元興建數據中心,擅長(cháng)招攬人才。";
    let line = sentence.repeat(30_000); // ~ 2.7 MB, no line break
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("oneline.txt"), &line).unwrap();
    let corpus = Corpus::open(dir.path()).unwrap();
    let a = &corpus.articles[0];
    let t = build(&a.text, a.format);
    assert_eq!(t.paragraphs.len(), 1);
    assert_eq!(t.sentences.len(), 30_000);
    assert!(!t.display.contains("(cháng)"));
    assert_eq!(t.folded().chars().count(), t.display.chars().count());
}

#[test]
fn bad_files_do_not_stop_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), original("001")).unwrap();
    fs::write(dir.path().join("b.txt"), b"").unwrap();
    fs::write(dir.path().join("c.txt"), [0u8, 1, 2, 3, 0, 255, 254, 0]).unwrap();
    fs::write(
        dir.path().join("d.html"),
        "<html><body><article><p>新聞正文,第一段。</p></article></body></html>",
    )
    .unwrap();
    let corpus = Corpus::open(dir.path()).unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "d"]);
    let codes: Vec<(&str, ErrorCode)> = corpus
        .issues
        .iter()
        .map(|i| (i.file.as_str(), i.code))
        .collect();
    assert!(
        codes.contains(&("b.txt", ErrorCode::EmptyFile)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("c.txt", ErrorCode::BinaryFile)),
        "{codes:?}"
    );
    let d = corpus.articles.iter().find(|a| a.id == "d").unwrap();
    assert_eq!(d.format, SourceFormat::Html);
    assert!(build(&d.text, d.format)
        .display
        .contains("新聞正文,第一段。"));
}

/// What the reader must not trust: a FIFO (it would wait for a writer forever), a link to
/// `/dev/zero` (it never ends), a link out of the folder (not the story's), two files with one
/// name (`a.txt`, `a.html`). Each is reported by name, and the good article still loads.
#[cfg(unix)]
#[test]
fn pipes_devices_links_out_and_name_clashes_are_reported_not_trusted() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.txt"),
        "外面的秘密文字，不屬於這個故事。",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), "好文章\n公司於2024年3月1日宣布新計劃。").unwrap();
    fs::write(d.join("a.txt"), "甲文章\n第一篇文字。").unwrap();
    fs::write(
        d.join("a.html"),
        "<html><body><p>乙文章，第二篇文字。</p></body></html>",
    )
    .unwrap();
    let fifo = std::ffi::CString::new(d.join("pipe.txt").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), d.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(d.join("good.txt"), d.join("inside.txt")).unwrap();

    // On a thread, so that a hang fails the test instead of stopping it.
    let path = d.to_path_buf();
    let (done, read) = std::sync::mpsc::channel();
    std::thread::spawn(move || done.send(Corpus::open(&path)).unwrap());
    let corpus = read
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("reading the folder hung")
        .unwrap();
    let issue = |file: &str| {
        corpus
            .issues
            .iter()
            .find(|i| i.file == file)
            .unwrap_or_else(|| panic!("no issue for {file}: {:?}", corpus.issues))
    };
    assert_eq!(issue("pipe.txt").code, ErrorCode::Unreadable);
    assert!(issue("pipe.txt").message.contains("regular file"));
    assert!(
        issue("zero.txt").message.contains("outside"),
        "{:?}",
        issue("zero.txt")
    );
    assert!(issue("link.txt").message.contains("outside"));
    assert!(corpus.articles.iter().all(|a| !a.text.contains("秘密")));
    // Two articles for `a`, each with an id of its own, and the clash said.
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"a") && ids.contains(&"a-txt"), "{ids:?}");
    assert!(
        issue("a.txt").message.contains("a.html"),
        "{:?}",
        issue("a.txt")
    );
    assert!(ids.contains(&"good") && ids.contains(&"inside"), "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
}

/// More files than are read at a time: every one is an article, in name order, and a name clash
/// is still found across batches. A cancelled reading of the same folder gives back every article
/// it had.
#[test]
fn a_large_folder_reads_in_order_and_a_cancelled_rereading_gives_back_what_it_had() {
    use storyline::progress::{Progress, Stage};
    let dir = tempfile::tempdir().unwrap();
    let n = 1300;
    for i in 0..n {
        fs::write(
            dir.path().join(format!("n{i:04}.txt")),
            format!("第{i}篇\n公司於2024年3月1日宣布新計劃。"),
        )
        .unwrap();
    }
    fs::write(dir.path().join("n1299.html"), "<p>同名的另一篇。</p>").unwrap();
    let progress = Progress::new();
    let mut corpus = Corpus::open_keeping(dir.path(), &mut Corpus::default(), &progress).unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    let mut expected: Vec<String> = (0..n).map(|i| format!("n{i:04}")).collect();
    // `n1299.html` comes first in name order and keeps the id.
    expected.push("n1299-txt".into());
    assert!(ids == expected, "{} ids, not in name order", ids.len());
    assert!(corpus.articles[7].text.starts_with("第7篇"));
    let clash = corpus.issues.iter().find(|i| i.file == "n1299.txt");
    assert_eq!(clash.map(|i| i.code), Some(ErrorCode::Duplicate));

    let work = progress.begin(true);
    progress.stage(Stage::Reading, 1);
    assert!(progress.cancel());
    let err = Corpus::open_keeping(dir.path(), &mut corpus, &progress).unwrap_err();
    drop(work);
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(corpus.articles.len(), n + 1);
    assert!(corpus.articles.windows(2).all(|w| w[0].file < w[1].file));
}
