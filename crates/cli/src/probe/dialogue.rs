//! The dialogue: banner, EHLO, STARTTLS, the handshake, EHLO inside TLS, QUIT. It never
//! sends AUTH, MAIL, RCPT or DATA: the probe signs in nowhere and sends no message.

use super::connect::connect;
use super::wire::{read_reply, send};
use super::{certificate, tls};
use smarthost_core::probe::tls_hello::{self, HelloAnswer};
use smarthost_core::probe::{Cause, Interruption, Probe, StartTls, Step, Target, Tls, TlsVersion};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Everything one probe of `target` sees.
pub fn probe(target: &Target, timeout: Duration) -> Probe {
    let mut probe = Probe::new(
        target,
        u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
    );
    let connection = connect(&target.host, target.port, timeout);
    probe.connect = connection.state;
    probe.address = connection.address.map(|a| a.to_string());
    let Some(tcp) = connection.stream else {
        return probe;
    };
    if let Err(interruption) = converse(&mut probe, tcp, timeout) {
        probe.interrupted = Some(interruption);
    }
    probe
}

fn at(step: Step) -> impl Fn(Cause) -> Interruption {
    move |cause| Interruption { step, cause }
}

/// `EHLO [address]`: this side's address literal (RFC 5321 4.1.3), as a client without
/// a name of its own sends.
fn ehlo_command(tcp: &TcpStream) -> String {
    match tcp.local_addr() {
        Ok(SocketAddr::V4(a)) => format!("EHLO [{}]", a.ip()),
        Ok(SocketAddr::V6(a)) => format!("EHLO [IPv6:{}]", a.ip()),
        Err(_) => "EHLO [127.0.0.1]".to_owned(),
    }
}

fn set_timeouts(tcp: &TcpStream, timeout: Duration) -> Result<(), Cause> {
    tcp.set_read_timeout(Some(timeout))
        .and_then(|()| tcp.set_write_timeout(Some(timeout)))
        .map_err(|e| super::wire::cause(&e))
}

/// Banner, EHLO and STARTTLS up to its 220. `Ok(false)` when the dialogue ends there
/// (refused, or no STARTTLS), with QUIT sent.
fn greet<S: Read + Write>(
    probe: &mut Probe,
    stream: &mut S,
    ehlo: &str,
) -> Result<bool, Interruption> {
    let banner = read_reply(stream).map_err(at(Step::Banner))?;
    let greeted = banner.code == 220;
    probe.banner = Some(banner);
    if !greeted {
        quit(stream);
        return Ok(false);
    }
    send(stream, ehlo).map_err(at(Step::Ehlo))?;
    let reply = read_reply(stream).map_err(at(Step::Ehlo))?;
    probe.ehlo = Some(reply);
    let Some(extensions) = probe.extensions() else {
        quit(stream);
        return Ok(false);
    };
    if !extensions.offers("STARTTLS") {
        probe.starttls = StartTls::NotOffered;
        quit(stream);
        return Ok(false);
    }
    send(stream, "STARTTLS").map_err(at(Step::Starttls))?;
    let reply = read_reply(stream).map_err(at(Step::Starttls))?;
    let accepted = reply.code == 220;
    probe.starttls_reply = Some(reply);
    probe.starttls = if accepted {
        StartTls::Accepted
    } else {
        StartTls::Refused
    };
    if !accepted {
        quit(stream);
    }
    Ok(accepted)
}

fn converse(probe: &mut Probe, mut tcp: TcpStream, timeout: Duration) -> Result<(), Interruption> {
    set_timeouts(&tcp, timeout).map_err(at(Step::Banner))?;
    let ehlo = ehlo_command(&tcp);
    if !greet(probe, &mut tcp, &ehlo)? {
        return Ok(());
    }
    let Some(name) = tls::server_name(&probe.host) else {
        probe.tls = Some(Tls::Failed {
            cause: format!("`{}` cannot be used as a TLS server name", probe.host),
            server_version: None,
        });
        return Ok(());
    };
    let mut session = match tls::handshake(tcp, name.clone()) {
        Ok(session) => session,
        Err(tls::Failure::Io(error)) => {
            return Err(at(Step::Handshake)(super::wire::cause(&error)))
        }
        Err(tls::Failure::Tls(cause)) => {
            // That connection is spent; a second one learns the version the server speaks.
            let server_version = probe
                .address
                .as_deref()
                .and_then(|a| a.parse().ok())
                .and_then(|address| server_version(address, &probe.host, timeout, &ehlo));
            probe.tls = Some(match server_version {
                Some(version) if version.is_legacy() => Tls::LegacyOnly {
                    server_version: version,
                },
                _ => Tls::Failed {
                    cause,
                    server_version,
                },
            });
            return Ok(());
        }
    };
    probe.tls = Some(Tls::Negotiated {
        version: session.version.unwrap_or(TlsVersion::Tls12),
        cipher: session.cipher.clone(),
    });
    let trust = tls::trust(&session.chain, &name);
    probe.certificate = session
        .chain
        .first()
        .and_then(|der| certificate::read(der, trust));
    send(&mut session.stream, &ehlo).map_err(at(Step::EhloTls))?;
    let reply = read_reply(&mut session.stream).map_err(at(Step::EhloTls))?;
    probe.ehlo_tls = Some(reply);
    quit(&mut session.stream);
    session.stream.conn.send_close_notify();
    let _ = session.stream.flush();
    Ok(())
}

/// QUIT, and its 221 if it comes; the probe is over either way.
fn quit<S: Read + Write>(stream: &mut S) {
    if send(stream, "QUIT").is_ok() {
        let _ = read_reply(stream);
    }
}

/// On a new connection: up to STARTTLS's 220, then a classic ClientHello, and the version
/// the server answers with. `None` when the server answers no ServerHello.
fn server_version(
    address: SocketAddr,
    host: &str,
    timeout: Duration,
    ehlo: &str,
) -> Option<TlsVersion> {
    let mut tcp = TcpStream::connect_timeout(&address, timeout).ok()?;
    set_timeouts(&tcp, timeout).ok()?;
    let mut scratch = Probe::new(
        &Target {
            host: host.to_owned(),
            port: address.port(),
            port_source: smarthost_core::probe::PortSource::Given,
        },
        0,
    );
    if !greet(&mut scratch, &mut tcp, ehlo).ok()? {
        return None;
    }
    tcp.write_all(&tls_hello::client_hello(Some(host), tls::random()))
        .ok()?;
    let mut answer = Vec::new();
    let mut buffer = [0u8; 1024];
    // A ServerHello's first 11 bytes carry its version; stop at 16 KB whatever comes.
    while answer.len() < 16 * 1024 {
        let read = tcp.read(&mut buffer).ok()?;
        if read == 0 {
            return None;
        }
        answer.extend_from_slice(buffer.get(..read)?);
        match tls_hello::read_answer(&answer) {
            HelloAnswer::Incomplete => continue,
            HelloAnswer::ServerHello(version) => return version.ok(),
            HelloAnswer::Alert(_) | HelloAnswer::NotTls => return None,
        }
    }
    None
}
