//! How a record becomes a localStorage value, and back.
//!
//! Every record goes through one pipeline: JSON → deflate with a preset
//! dictionary → sealed when the vault is on (`vault`) → packed into UTF-16
//! code units. The browser's quota counts code units, so packing ~15.9 bits
//! of compressed data into each one is what turns compression into room.
//!
//! A one-character tag leads each value and names the codec version. A value
//! with no known tag is plain JSON as earlier layouts wrote it, so old
//! records still read.

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use crate::layout::{TAG_SEALED, TAG_V1};

/// Text that records share with each other: field names and the words of
/// clinical notes. A record's compressed form refers back into it instead of
/// spelling the words out. Fixed for codec version 1: changing it needs a new
/// version, or old records would not read.
const DICTIONARY_V1: &[u8] = include_bytes!("dictionary-v1.txt");

/// Records larger than this when inflated are refused as damaged, so a
/// corrupted length cannot make the app allocate without limit.
const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// Why a stored value could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// A code unit that packing never writes (a surrogate).
    BadUnit,
    /// The compressed data does not inflate.
    Corrupt,
    /// The inflated bytes are not text.
    NotText,
    /// Sealed by the vault, and it did not open with this vault's key.
    Sealed,
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::BadUnit => "it holds a character the app never writes",
            Self::Corrupt => "its compressed data is cut short or changed",
            Self::NotText => "it does not unpack to text",
            Self::Sealed => "it is encrypted and does not open with this vault's key",
        })
    }
}

/// A record's JSON as it is stored: tag, then the packed compressed bytes.
pub fn encode(json: &str) -> String {
    let compressed = deflate(json.as_bytes());
    let mut out = String::with_capacity(compressed.len() / 2 + 2);
    out.push(TAG_V1);
    pack(&compressed, &mut out);
    out
}

/// The JSON a stored value holds: decoded when tagged, as it is otherwise.
pub fn decode(stored: &str) -> Result<std::borrow::Cow<'_, str>, CodecError> {
    if stored.starts_with(TAG_SEALED) {
        return Err(CodecError::Sealed);
    }
    let Some(packed) = stored.strip_prefix(TAG_V1) else {
        return Ok(std::borrow::Cow::Borrowed(stored));
    };
    let compressed = unpack(packed)?;
    let bytes = inflate(&compressed)?;
    String::from_utf8(bytes)
        .map(std::borrow::Cow::Owned)
        .map_err(|_| CodecError::NotText)
}

/// Whether `stored` was written by the current codec (migration skips those).
pub fn is_current(stored: &str) -> bool {
    stored.starts_with(TAG_V1) || stored.starts_with(TAG_SEALED)
}

// ---------------------------------------------------------------------------
// Deflate with a preset dictionary
// ---------------------------------------------------------------------------

/// Raw deflate of `data`, with the dictionary in the window beforehand.
///
/// The dictionary is compressed first and ended with a sync flush, which
/// byte-aligns the stream at a block boundary; what follows is a complete
/// raw deflate stream whose matches may reach back into the dictionary. Only
/// that part is kept.
pub(in crate::storage) fn deflate(data: &[u8]) -> Vec<u8> {
    // Level 6, raw deflate (negative window bits), default strategy.
    let flags = create_comp_flags_from_zip_params(6, -15, 0);
    let mut compressor = Box::new(CompressorOxide::new(flags));
    let mut scratch = vec![0; DICTIONARY_V1.len() * 2 + 64];
    let (status, _, _) = compress(
        &mut compressor,
        DICTIONARY_V1,
        &mut scratch,
        TDEFLFlush::Sync,
    );
    debug_assert_eq!(status, TDEFLStatus::Okay);
    let mut out = vec![0; data.len() + data.len() / 8 + 64];
    let mut written = 0;
    let mut read = 0;
    loop {
        let (status, consumed, produced) = compress(
            &mut compressor,
            &data[read..],
            &mut out[written..],
            TDEFLFlush::Finish,
        );
        read += consumed;
        written += produced;
        match status {
            TDEFLStatus::Done => break,
            TDEFLStatus::Okay => {
                let grow = out.len().max(64);
                out.resize(out.len() + grow, 0);
            }
            // Only reachable with a bad parameter, which this code never passes.
            _ => unreachable!("deflate refused its input: {status:?}"),
        }
    }
    out.truncate(written);
    out
}

/// Inflates what [`deflate`] wrote: the output starts out holding the
/// dictionary, so back-references into it resolve.
pub(in crate::storage) fn inflate(compressed: &[u8]) -> Result<Vec<u8>, CodecError> {
    let mut out = DICTIONARY_V1.to_vec();
    out.resize(DICTIONARY_V1.len() + compressed.len() * 4 + 1024, 0);
    let mut position = DICTIONARY_V1.len();
    let mut read = 0;
    let mut decompressor = Box::new(DecompressorOxide::new());
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    loop {
        let more_input = if read < compressed.len() {
            inflate_flags::TINFL_FLAG_HAS_MORE_INPUT
        } else {
            0
        };
        let (status, consumed, produced) = decompress(
            &mut decompressor,
            &compressed[read..],
            &mut out,
            position,
            flags | more_input,
        );
        read += consumed;
        position += produced;
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput if out.len() < MAX_RECORD_BYTES => {
                let grow = out.len();
                out.resize(out.len() + grow, 0);
            }
            _ => return Err(CodecError::Corrupt),
        }
    }
    out.truncate(position);
    out.drain(..DICTIONARY_V1.len());
    Ok(out)
}

// ---------------------------------------------------------------------------
// Dense packing into UTF-16 code units
// ---------------------------------------------------------------------------

/// Code units available to packing: all but the 2,048 surrogates, so no
/// stored string ever holds a lone surrogate.
const RADIX: u32 = 0x1_0000 - 0x800;
/// Bytes of data per block; each block also carries a leading 1 so that its
/// leading zero bytes survive and its length can be read back.
const BLOCK_BYTES: usize = 254;
/// Code units per full block: the fewest with RADIX^n ≥ 256^(BLOCK_BYTES + 1).
pub(in crate::storage) const BLOCK_UNITS: usize = 128;

fn unit_of(digit: u32) -> char {
    let unit = if digit < 0xD800 { digit } else { digit + 0x800 };
    char::from_u32(unit).expect("digits skip the surrogate range")
}

fn digit_of(c: char) -> Result<u32, CodecError> {
    match u32::from(c) {
        u @ 0..0xD800 => Ok(u),
        u @ 0xE000..=0xFFFF => Ok(u - 0x800),
        _ => Err(CodecError::BadUnit),
    }
}

/// Two base-RADIX digits at once: RADIX² < 2³², so a remainder and the next
/// 32-bit limb fit in a u64 and each pass over the number yields two digits.
const RADIX_SQUARED: u64 = RADIX as u64 * RADIX as u64;

/// Appends `bytes` as base-RADIX digits, one code unit each, block by block.
pub(in crate::storage) fn pack(bytes: &[u8], out: &mut String) {
    for block in bytes.chunks(BLOCK_BYTES) {
        // The block as a big-endian number behind a leading 1, in 32-bit limbs.
        let mut number = limbs_of(block);
        let mut digits = Vec::with_capacity(BLOCK_UNITS + 1);
        while !number.is_empty() {
            let mut remainder = 0u64;
            for limb in number.iter_mut() {
                let value = (remainder << 32) | u64::from(*limb);
                *limb = (value / RADIX_SQUARED) as u32;
                remainder = value % RADIX_SQUARED;
            }
            digits.push((remainder % u64::from(RADIX)) as u32);
            digits.push((remainder / u64::from(RADIX)) as u32);
            let leading_zeros = number.iter().take_while(|&&l| l == 0).count();
            number.drain(..leading_zeros);
        }
        // No leading zero digits, as one digit per pass would have written.
        while digits.last() == Some(&0) {
            digits.pop();
        }
        // Full blocks always take BLOCK_UNITS digits, so blocks can be told
        // apart; only the last one may be shorter.
        if block.len() == BLOCK_BYTES {
            digits.resize(BLOCK_UNITS, 0);
        }
        out.extend(digits.iter().rev().map(|&d| unit_of(d)));
    }
}

/// `1 ‖ block` as big-endian 32-bit limbs, the first one padded with zeros.
fn limbs_of(block: &[u8]) -> Vec<u32> {
    let bytes: Vec<u8> = std::iter::once(1).chain(block.iter().copied()).collect();
    let head = bytes.len() % 4;
    let mut limbs = Vec::with_capacity(bytes.len() / 4 + 1);
    if head > 0 {
        limbs.push(
            bytes[..head]
                .iter()
                .fold(0, |n, &b| (n << 8) | u32::from(b)),
        );
    }
    limbs.extend(
        bytes[head..]
            .chunks_exact(4)
            .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]])),
    );
    limbs
}

/// Reverses [`pack`].
pub(in crate::storage) fn unpack(packed: &str) -> Result<Vec<u8>, CodecError> {
    let digits = packed
        .chars()
        .map(digit_of)
        .collect::<Result<Vec<_>, _>>()?;
    let mut bytes = Vec::with_capacity(digits.len() * 2);
    for block in digits.chunks(BLOCK_UNITS) {
        // Little-endian 32-bit limbs of the block's number.
        let mut number: Vec<u32> = Vec::with_capacity(BLOCK_BYTES / 4 + 2);
        for &digit in block {
            let mut carry = u64::from(digit);
            for limb in number.iter_mut() {
                let value = u64::from(*limb) * u64::from(RADIX) + carry;
                *limb = value as u32;
                carry = value >> 32;
            }
            if carry > 0 {
                number.push(carry as u32);
            }
        }
        // Big-endian bytes without leading zeros: the leading 1, then the block.
        let mut block_bytes: Vec<u8> = number.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
        let leading_zeros = block_bytes.iter().take_while(|&&b| b == 0).count();
        block_bytes.drain(..leading_zeros);
        if block_bytes.first() != Some(&1) || block_bytes.len() > BLOCK_BYTES + 1 {
            return Err(CodecError::Corrupt);
        }
        bytes.extend_from_slice(&block_bytes[1..]);
    }
    Ok(bytes)
}

// Property tests run natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
