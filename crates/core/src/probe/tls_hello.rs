//! Learning which TLS version a server speaks when a TLS 1.2/1.3 handshake fails. rustls
//! (the CLI's TLS) speaks only 1.2 and 1.3, so a server limited to TLS 1.0/1.1 just fails
//! its handshake. This module writes a classic ClientHello (RFC 5246 7.4.1.2) that offers
//! up to TLS 1.2 with the old CBC cipher suites, and reads the version from the server's
//! first answer (the ServerHello, or an alert). The handshake is never completed: the
//! probe closes the connection after reading the version.

use serde::Serialize;

/// A protocol version as the wire writes it (RFC 5246 6.2.1; 0x0304 is TLS 1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, strum::IntoStaticStr)]
#[serde(into = "&'static str")]
pub enum TlsVersion {
    #[strum(serialize = "SSL 3.0")]
    Ssl3,
    #[strum(serialize = "TLS 1.0")]
    Tls10,
    #[strum(serialize = "TLS 1.1")]
    Tls11,
    #[strum(serialize = "TLS 1.2")]
    Tls12,
    #[strum(serialize = "TLS 1.3")]
    Tls13,
}

impl TlsVersion {
    pub fn from_wire(version: u16) -> Option<TlsVersion> {
        Some(match version {
            0x0300 => TlsVersion::Ssl3,
            0x0301 => TlsVersion::Tls10,
            0x0302 => TlsVersion::Tls11,
            0x0303 => TlsVersion::Tls12,
            0x0304 => TlsVersion::Tls13,
            _ => return None,
        })
    }

    /// `TLS 1.2`: the words shown and the JSON's value.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Microsoft 365 refuses TLS 1.0 and 1.1 (and so SSL 3.0) on smtp.office365.com
    /// (m365-sending-facts.md, "TLS").
    pub fn is_legacy(self) -> bool {
        self < TlsVersion::Tls12
    }
}

/// What the server answered to [`client_hello`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelloAnswer {
    /// A ServerHello choosing this version (a raw value if it is none of the known ones).
    ServerHello(Result<TlsVersion, u16>),
    /// A TLS alert (RFC 5246 7.2): its description code, e.g. 70 protocol_version,
    /// 40 handshake_failure.
    Alert(u8),
    /// Fewer bytes than the answer's first record needs: read more.
    Incomplete,
    /// Not TLS at all (an SMTP line, say).
    NotTls,
}

/// The cipher suites offered: RSA and ECDHE with AES-CBC and 3DES, what TLS 1.0 servers
/// commonly have (the CLI's rustls offers only AEAD suites), and the renegotiation SCSV.
const SUITES: [u16; 11] = [
    0xc014, 0xc013, 0xc00a, 0xc009, 0x0039, 0x0033, 0x0035, 0x002f, 0x000a, 0x009c, 0x00ff,
];

/// A ClientHello record offering TLS 1.0 to 1.2, with SNI for `server_name` when it is a
/// name (not an IP address), and `random` as its 32 random bytes.
pub fn client_hello(server_name: Option<&str>, random: [u8; 32]) -> Vec<u8> {
    let mut body = Vec::new();
    body.extend_from_slice(&[0x03, 0x03]); // client_version: up to TLS 1.2
    body.extend_from_slice(&random);
    body.push(0); // no session id
    push_u16(&mut body, (SUITES.len() * 2) as u16);
    for suite in SUITES {
        push_u16(&mut body, suite);
    }
    body.extend_from_slice(&[1, 0]); // compression: null only

    let mut extensions = Vec::new();
    if let Some(name) =
        server_name.filter(|n| n.len() <= 255 && n.parse::<std::net::IpAddr>().is_err())
    {
        // server_name (RFC 6066 3): a list holding one host_name.
        let name = name.as_bytes();
        let list_len = name.len() + 3;
        push_u16(&mut extensions, 0x0000);
        push_u16(&mut extensions, (list_len + 2) as u16);
        push_u16(&mut extensions, list_len as u16);
        extensions.push(0);
        push_u16(&mut extensions, name.len() as u16);
        extensions.extend_from_slice(name);
    }
    // supported_groups secp256r1, secp384r1 and ec_point_formats uncompressed (RFC 8422),
    // which ECDHE suites need; signature_algorithms (RFC 5246 7.4.1.4.1) for TLS 1.2.
    extensions.extend_from_slice(&[0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x18]);
    extensions.extend_from_slice(&[0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]);
    extensions.extend_from_slice(&[
        0x00, 0x0d, 0x00, 0x0a, 0x00, 0x08, 0x04, 0x01, 0x05, 0x01, 0x04, 0x03, 0x02, 0x01,
    ]);
    push_u16(&mut body, extensions.len() as u16);
    body.extend_from_slice(&extensions);

    let mut handshake = vec![1]; // client_hello
    let len = body.len() as u32;
    handshake.extend_from_slice(&len.to_be_bytes()[1..]);
    handshake.extend_from_slice(&body);

    // The record layer says TLS 1.0, as clients do for the widest reach.
    let mut record = vec![22, 0x03, 0x01];
    push_u16(&mut record, handshake.len() as u16);
    record.extend_from_slice(&handshake);
    record
}

/// Reads the server's first record: the version of its ServerHello, or its alert.
pub fn read_answer(bytes: &[u8]) -> HelloAnswer {
    let Some(header) = bytes.get(..5) else {
        return match bytes.first() {
            Some(22 | 21) | None => HelloAnswer::Incomplete,
            Some(_) => HelloAnswer::NotTls,
        };
    };
    let (content_type, major) = (header[0], header[1]);
    if major != 3 || !matches!(content_type, 21 | 22) {
        return HelloAnswer::NotTls;
    }
    let body = &bytes[5..];
    match content_type {
        21 => match body.get(1) {
            Some(description) => HelloAnswer::Alert(*description),
            None => HelloAnswer::Incomplete,
        },
        _ => match body.get(..6) {
            // handshake type 2 (server_hello), 3 bytes of length, then server_version.
            Some([2, _, _, _, hi, lo]) => {
                let wire = u16::from_be_bytes([*hi, *lo]);
                HelloAnswer::ServerHello(TlsVersion::from_wire(wire).ok_or(wire))
            }
            Some(_) => HelloAnswer::NotTls,
            None => HelloAnswer::Incomplete,
        },
    }
}

fn push_u16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hello_is_one_well_formed_record() {
        let hello = client_hello(Some("mail.test"), [7; 32]);
        assert_eq!(&hello[..3], &[22, 3, 1]);
        let record_len = u16::from_be_bytes([hello[3], hello[4]]) as usize;
        assert_eq!(record_len, hello.len() - 5);
        assert_eq!(hello[5], 1, "client_hello");
        let hs_len = u32::from_be_bytes([0, hello[6], hello[7], hello[8]]) as usize;
        assert_eq!(hs_len, record_len - 4);
        assert_eq!(&hello[9..11], &[3, 3]);
        assert!(hello.windows(9).any(|w| w == b"mail.test"), "SNI");
        // An IP address is not sent as SNI (RFC 6066 3).
        let by_ip = client_hello(Some("127.0.0.1"), [7; 32]);
        assert!(by_ip.len() < hello.len());
        assert_eq!(by_ip.len(), client_hello(None, [7; 32]).len());
    }

    #[test]
    fn answers() {
        let server_hello = |v: [u8; 2]| [22, 3, 1, 0, 80, 2, 0, 0, 76, v[0], v[1], 0];
        assert_eq!(
            read_answer(&server_hello([3, 1])),
            HelloAnswer::ServerHello(Ok(TlsVersion::Tls10))
        );
        assert_eq!(
            read_answer(&server_hello([3, 3])),
            HelloAnswer::ServerHello(Ok(TlsVersion::Tls12))
        );
        assert_eq!(
            read_answer(&server_hello([3, 9])),
            HelloAnswer::ServerHello(Err(0x0309))
        );
        assert_eq!(
            read_answer(&[21, 3, 1, 0, 2, 2, 70]),
            HelloAnswer::Alert(70)
        );
        assert_eq!(read_answer(&[22, 3]), HelloAnswer::Incomplete);
        assert_eq!(read_answer(&[]), HelloAnswer::Incomplete);
        assert_eq!(read_answer(&[21, 3, 1, 0, 2, 2]), HelloAnswer::Incomplete);
        assert_eq!(read_answer(b"554 5.7.0 no"), HelloAnswer::NotTls);
        assert_eq!(
            read_answer(&[22, 3, 1, 0, 4, 11, 0, 0, 0, 0, 0]),
            HelloAnswer::NotTls
        );
        assert!(TlsVersion::Tls11.is_legacy() && !TlsVersion::Tls12.is_legacy());
        assert_eq!(TlsVersion::Tls10.as_str(), "TLS 1.0");
    }

    #[test]
    fn never_panics_on_any_prefix() {
        let hello = client_hello(Some("x.test"), [0; 32]);
        for end in 0..hello.len() {
            let _ = read_answer(&hello[..end]);
        }
    }
}
