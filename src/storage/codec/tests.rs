use super::*;
use crate::model::Session;
use crate::model::note::{Note, NoteFormat, Section};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../tests/fixtures/session-14-of-24.txt");

/// A session whose note holds the sample transcript, as the quota target
/// is stated for.
fn sample_session() -> Session {
    let mut note = Note::new(NoteFormat::Free);
    note.set_text(Section::Free, SAMPLE.to_string());
    Session {
        id: "0123456789abcdef0123456789abcdef".into(),
        client_id: "fedcba9876543210fedcba9876543210".into(),
        number: 14,
        note,
        created_at: 1_753_956_000_000,
        updated_at: 1_753_957_860_000,
        ..Session::default()
    }
}

#[test]
fn a_session_holding_the_sample_transcript_fits_in_1310_characters_of_quota() {
    let json = serde_json::to_string(&sample_session()).unwrap();
    let stored = encode(&json);
    let key = "sessionpad/v1/session/0123456789abcdef0123456789abcdef";
    let units = key.encode_utf16().count() + stored.encode_utf16().count();
    assert!(units <= 1310, "{units} units");
    assert_eq!(decode(&stored).unwrap(), json);
}

#[test]
fn plain_json_from_earlier_layouts_reads_as_it_is() {
    assert_eq!(decode("{\"id\":\"c1\"}").unwrap(), "{\"id\":\"c1\"}");
    assert!(!is_current("{\"id\":\"c1\"}"));
    assert!(is_current(&encode("{}")));
}

#[test]
fn a_changed_or_cut_value_is_refused_not_misread() {
    let stored = encode(&serde_json::to_string(&sample_session()).unwrap());
    let cut: String = stored.chars().take(stored.chars().count() / 2).collect();
    assert!(decode(&cut).is_err());
    let mut chars: Vec<char> = stored.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = unit_of((digit_of(chars[middle]).unwrap() + 1) % RADIX);
    let changed: String = chars.into_iter().collect();
    // Deflate has no checksum of its own: a change is caught when it breaks
    // the stream or the JSON, and the reader reports the record as damaged.
    if let Ok(json) = decode(&changed) {
        assert_ne!(json, serde_json::to_string(&sample_session()).unwrap());
    }
    assert_eq!(decode("Z\u{D7FF}"), Err(CodecError::Corrupt));
}

#[test]
fn packing_never_writes_a_surrogate_and_keeps_every_byte() {
    for len in [0, 1, 2, 127, 253, 254, 255, 508, 509, 1000] {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 % 256) as u8).collect();
        let mut packed = String::new();
        pack(&bytes, &mut packed);
        assert!(
            packed
                .encode_utf16()
                .all(|u| !(0xD800..=0xDFFF).contains(&u))
        );
        assert_eq!(unpack(&packed).unwrap(), bytes, "{len} bytes");
    }
    let zeros = vec![0u8; 300];
    let mut packed = String::new();
    pack(&zeros, &mut packed);
    assert_eq!(unpack(&packed).unwrap(), zeros);
}

/// Records already stored were packed this way: any faster packing must
/// write exactly the same units.
#[test]
fn packing_writes_exactly_what_stored_records_hold() {
    use sha2::{Digest, Sha256};
    let mut all = String::new();
    for len in [0, 1, 2, 253, 254, 255, 509, 1000, 4096] {
        let bytes: Vec<u8> = (0..len as u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        pack(&bytes, &mut all);
        all.push('|');
    }
    let digest = Sha256::digest(all.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        hex,
        "f4770bbb13be62d3d7784e15208f030b5f44408b650df381823c8b04f9912618"
    );
}

proptest! {
    #[test]
    fn any_text_comes_back_exactly(text in any::<String>()) {
        let json = serde_json::to_string(&text).unwrap();
        let stored = encode(&json);
        prop_assert!(stored.encode_utf16().all(|u| !(0xD800..=0xDFFF).contains(&u)));
        prop_assert_eq!(decode(&stored).unwrap(), json);
    }

    #[test]
    fn any_bytes_survive_packing(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let mut packed = String::new();
        pack(&bytes, &mut packed);
        prop_assert_eq!(unpack(&packed).unwrap(), bytes);
    }

    #[test]
    fn any_stored_string_decodes_or_is_refused_without_panicking(s in any::<String>()) {
        let _ = decode(&format!("{TAG_V1}{s}"));
    }
}
