//! STARTTLS's handshake with rustls, and what it learned: the version, the cipher suite
//! and the server's certificate chain.
//!
//! The handshake accepts any certificate on purpose: the probe never signs in and never
//! sends a message, so nothing secret rides on it, and a certificate that a strict client
//! would refuse is exactly what the admin needs to see. The chain is judged afterwards,
//! against the public roots, and reported as a finding.

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{ring, CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct, SignatureScheme,
};
use smarthost_core::probe::{TlsVersion, Trust};
use std::io;
use std::net::TcpStream;
use std::sync::{Arc, Mutex};

/// A finished handshake.
pub struct Session {
    pub stream: rustls::StreamOwned<ClientConnection, TcpStream>,
    pub version: Option<TlsVersion>,
    pub cipher: String,
    /// The server's chain, its own certificate first.
    pub chain: Vec<CertificateDer<'static>>,
}

/// Why the handshake did not finish.
pub enum Failure {
    /// TLS itself failed (an alert, a version or cipher mismatch): rustls's words.
    Tls(String),
    /// The socket failed (time-out, reset) during the handshake.
    Io(io::Error),
}

/// Keeps the chain the server showed and accepts it (see the module comment); the
/// handshake's signatures are still verified, with the provider's algorithms.
#[derive(Debug)]
struct Recorder {
    chain: Mutex<Vec<CertificateDer<'static>>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let mut chain = vec![end_entity.clone().into_owned()];
        chain.extend(intermediates.iter().map(|c| c.clone().into_owned()));
        if let Ok(mut kept) = self.chain.lock() {
            *kept = chain;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// The name the certificate is checked against (and sent as SNI when it is a name).
pub fn server_name(host: &str) -> Option<ServerName<'static>> {
    ServerName::try_from(host.to_owned()).ok()
}

/// The TLS handshake over `tcp`, which has just had `220` to STARTTLS.
pub fn handshake(mut tcp: TcpStream, name: ServerName<'static>) -> Result<Session, Failure> {
    let provider = provider();
    let recorder = Arc::new(Recorder {
        chain: Mutex::new(Vec::new()),
        algorithms: provider.signature_verification_algorithms,
    });
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Failure::Tls(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let mut conn =
        ClientConnection::new(Arc::new(config), name).map_err(|e| Failure::Tls(e.to_string()))?;
    while conn.is_handshaking() {
        if let Err(error) = conn.complete_io(&mut tcp) {
            return Err(match tls_error(&error) {
                Some(tls) => Failure::Tls(tls.to_string()),
                None if error.kind() == io::ErrorKind::UnexpectedEof => {
                    Failure::Tls("the server closed the connection during the handshake".into())
                }
                None => Failure::Io(error),
            });
        }
    }
    let version = conn
        .protocol_version()
        .and_then(|v| TlsVersion::from_wire(u16::from(v)));
    let cipher = conn
        .negotiated_cipher_suite()
        .map(|suite| {
            let suite = suite.suite();
            suite
                .as_str()
                .map_or_else(|| format!("{suite:?}"), str::to_owned)
        })
        .unwrap_or_default();
    let chain = recorder.chain.lock().map(|c| c.clone()).unwrap_or_default();
    Ok(Session {
        stream: rustls::StreamOwned::new(conn, tcp),
        version,
        cipher,
        chain,
    })
}

fn tls_error(error: &io::Error) -> Option<&rustls::Error> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
}

/// Whether the chain leads to a public root (webpki-roots). The host name is checked by
/// core separately, so a name mismatch here counts as trusted.
pub fn trust(chain: &[CertificateDer<'static>], name: &ServerName<'static>) -> Trust {
    let Some((end_entity, intermediates)) = chain.split_first() else {
        return Trust::Other;
    };
    let roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let Ok(verifier) =
        WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider()).build()
    else {
        return Trust::Other;
    };
    match verifier.verify_server_cert(end_entity, intermediates, name, &[], UnixTime::now()) {
        Ok(_) => Trust::Trusted,
        Err(rustls::Error::InvalidCertificate(error)) => match error {
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                Trust::Trusted
            }
            CertificateError::UnknownIssuer => Trust::UnknownIssuer,
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => Trust::Expired,
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                Trust::NotYetValid
            }
            CertificateError::Revoked => Trust::Revoked,
            _ => Trust::Other,
        },
        Err(_) => Trust::Other,
    }
}

/// 32 random bytes for the ClientHello of the version probe.
pub fn random() -> [u8; 32] {
    let mut bytes = [0u8; 32];
    // A failed fill leaves zeros: the hello is only read for its version, never finished.
    let _ = ring::default_provider().secure_random.fill(&mut bytes);
    bytes
}
