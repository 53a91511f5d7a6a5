//! Deflate, CRC-32 and URL-safe base64: the byte work under a link, in plain Rust.

/// Compresses to raw DEFLATE (RFC 1951) in one block with the fixed Huffman codes: LZ77 with
/// hash chains. Any inflater reads it; it is a few hundred bytes of code instead of a full
/// deflate encoder, and on plan links it comes within a tenth of the best compression.
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    const LEN_BASE: [u16; 29] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    const LEN_EXTRA: [u8; 29] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    const DIST_BASE: [u16; 30] =
        [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
    const DIST_EXTRA: [u8; 30] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    const NONE: usize = usize::MAX;
    let mut out = Bits::default();
    out.put(1, 1); // the last block
    out.put(1, 2); // fixed Huffman codes
    let hash = |i: usize| ((data[i] as usize) << 8 ^ (data[i + 1] as usize) << 4 ^ data[i + 2] as usize) & 0xfff;
    let (mut head, mut prev) = (vec![NONE; 0x1000], vec![NONE; data.len()]);
    let insert = |i: usize, head: &mut [usize], prev: &mut [usize]| {
        if i + 3 <= data.len() {
            let h = hash(i);
            prev[i] = head[h];
            head[h] = i;
        }
    };
    let mut i = 0;
    while i < data.len() {
        let (mut best, mut dist) = (0, 0);
        if i + 3 <= data.len() {
            let (mut cand, mut tries) = (head[hash(i)], 0);
            while cand != NONE && i - cand <= 32_768 && tries < 128 {
                let n = data[cand..].iter().zip(&data[i..]).take(258).take_while(|(a, b)| a == b).count();
                if n > best {
                    (best, dist) = (n, i - cand);
                }
                cand = prev[cand];
                tries += 1;
            }
        }
        if best >= 3 {
            let l = LEN_BASE.iter().rposition(|b| *b as usize <= best).unwrap_or(0);
            out.symbol(257 + l as u16);
            out.put((best - LEN_BASE[l] as usize) as u32, LEN_EXTRA[l]);
            let d = DIST_BASE.iter().rposition(|b| *b as usize <= dist).unwrap_or(0);
            out.put(reverse(d as u32, 5), 5);
            out.put((dist - DIST_BASE[d] as usize) as u32, DIST_EXTRA[d]);
            for k in i..i + best {
                insert(k, &mut head, &mut prev);
            }
            i += best;
        } else {
            out.symbol(data[i] as u16);
            insert(i, &mut head, &mut prev);
            i += 1;
        }
    }
    out.symbol(256); // end of block
    out.finish()
}

/// A bit stream, least significant bit first, as DEFLATE writes it.
#[derive(Default)]
pub(super) struct Bits {
    bytes: Vec<u8>,
    acc: u32,
    n: u8,
}

impl Bits {
    fn put(&mut self, value: u32, bits: u8) {
        self.acc |= value << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A literal/length symbol in the fixed Huffman code (RFC 1951, 3.2.6).
    fn symbol(&mut self, s: u16) {
        let (code, len) = match s {
            0..=143 => (0x30 + s, 8),
            144..=255 => (0x190 + s - 144, 9),
            256..=279 => (s - 256, 7),
            _ => (0xc0 + s - 280, 8),
        };
        self.put(reverse(code as u32, len), len);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Huffman codes are sent most significant bit first.
pub(super) fn reverse(code: u32, len: u8) -> u32 {
    (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i))
}

/// CRC-32 (IEEE), bit by bit: a few lines instead of a table every user downloads.
pub(super) fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, &b| (0..8).fold(crc ^ b as u32, |c, _| if c & 1 == 1 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 }))
}

pub(super) const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
pub(super) fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub(super) fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Only the canonical text: bits past the last byte are zero, so no two texts are one link.
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
