//! The native HTTP transport for the DNS-over-HTTPS resolvers of smarthost-core.
//!
//! `smarthost check` and `smarthost spf eval` resolve through it.
//!
//! ureq is blocking, and core asks the lookups of a prefetch wave together by polling
//! their futures on one task (`dns::cache::join_all`). So `get` hands each request to a
//! thread of its own and awaits its answer through a oneshot channel: the requests of a
//! wave are in flight together, as they are in the browser, while core's futures stay
//! single-task and not `Send`. At most [`MAX_IN_FLIGHT`] requests of a transport (and
//! its clones) talk to the network at once; the others wait their turn on their thread.

use futures::channel::oneshot;
use in_flight::Gate;
use smarthost_core::dns::{HttpResponse, HttpTransport, NetworkFailure, TransportError};
use std::io;
use std::thread;
use std::time::Duration;

#[path = "http_in_flight.rs"]
mod in_flight;

/// The whole request, connect to last body byte, must finish within this by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// DoH answers are small; anything bigger is refused rather than buffered.
pub const MAX_BODY: u64 = 64 * 1024;

/// Requests on the network at once: a wave of an SPF tree can name up to 200 includes,
/// and a fleet check runs several domains together; public resolvers rate-limit a burst.
pub const MAX_IN_FLIGHT: usize = 16;

/// HTTP(S) GET through a ureq agent (rustls, webpki roots), one timeout per request,
/// HTTP error statuses returned as responses rather than errors; each request on its
/// own thread, so that concurrent `get`s are concurrent requests.
#[derive(Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    gate: Gate,
}

impl UreqTransport {
    /// A transport with the default 5 s timeout.
    pub fn new() -> Self {
        Self::with_timeout(DEFAULT_TIMEOUT)
    }

    /// A transport whose requests each must finish (connect, send, read) within `timeout`.
    pub fn with_timeout(timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!("smarthost/", env!("CARGO_PKG_VERSION")))
            .build();
        UreqTransport {
            agent: config.into(),
            gate: Gate::new(MAX_IN_FLIGHT),
        }
    }

    /// The blocking GET behind [`HttpTransport::get`], on the calling thread.
    pub fn get_blocking(&self, url: &str, accept: &str) -> Result<HttpResponse, TransportError> {
        let _turn = self.gate.enter();
        let mut response = self
            .agent
            .get(url)
            .header("accept", accept)
            .call()
            .map_err(map_error)?;
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(map_error)?;
        Ok(HttpResponse { status, body })
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl HttpTransport for UreqTransport {
    async fn get(&self, url: &str, accept: &str) -> Result<HttpResponse, TransportError> {
        let (sender, answer) = oneshot::channel();
        // A clone shares the agent's connection pool and the gate.
        let transport = self.clone();
        let (url, accept) = (url.to_owned(), accept.to_owned());
        thread::Builder::new()
            .name("smarthost-doh".to_owned())
            .spawn(move || {
                // Nobody is waiting any more when the receiver is gone: nothing to do.
                let _ = sender.send(transport.get_blocking(&url, &accept));
            })
            .map_err(|e| other(format!("could not start a request: {e}")))?;
        // A dropped sender means the thread ended without an answer (it cannot panic
        // on anything the network sends, but the channel says so either way).
        answer
            .await
            .unwrap_or_else(|_| Err(other("the request ended without an answer".to_owned())))
    }
}

fn other(why: String) -> TransportError {
    TransportError::Network(NetworkFailure::Other(why))
}

fn map_io(error: &io::Error) -> TransportError {
    match error.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => TransportError::Timeout,
        io::ErrorKind::ConnectionRefused => TransportError::Network(NetworkFailure::Refused),
        _ => TransportError::Network(NetworkFailure::Other(format!("connection failed: {error}"))),
    }
}

fn map_error(error: ureq::Error) -> TransportError {
    match error {
        ureq::Error::Timeout(_) => TransportError::Timeout,
        ureq::Error::BodyExceedsLimit(_) => TransportError::Network(NetworkFailure::TooLarge),
        ureq::Error::Io(io) => map_io(&io),
        ureq::Error::HostNotFound => TransportError::Network(NetworkFailure::HostNotFound),
        ureq::Error::ConnectionFailed => TransportError::Network(NetworkFailure::ConnectionFailed),
        ureq::Error::BadUri(uri) => {
            TransportError::Network(NetworkFailure::Other(format!("bad URL: {uri}")))
        }
        ureq::Error::Tls(why) => TransportError::Network(NetworkFailure::Tls(why.to_string())),
        ureq::Error::Rustls(why) => TransportError::Network(NetworkFailure::Tls(why.to_string())),
        ureq::Error::Pem(why) => TransportError::Network(NetworkFailure::Tls(why.to_string())),
        other => TransportError::Network(NetworkFailure::Other(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::mpsc;
    use std::thread;
    use std::time::Instant;

    /// What the test server does with each connection.
    #[derive(Clone)]
    enum Reply {
        /// Status and body with `Content-Length`, then the socket closes.
        Fixed(u16, Vec<u8>),
        /// A body without `Content-Length`, ended by closing the connection.
        UntilClose(Vec<u8>),
        /// Reads the request and never answers (until the client goes away or 3 s pass).
        Silent,
    }

    /// Serves `connections` connections on 127.0.0.1 and exits; sends each request head
    /// back through the channel.
    fn serve(reply: Reply, connections: usize) -> (String, mpsc::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (sender, receiver) = mpsc::channel();
        thread::spawn(move || {
            for _ in 0..connections {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
                let _ = stream.set_write_timeout(Some(Duration::from_secs(3)));
                let head = read_head(&mut stream);
                let _ = sender.send(head);
                respond(&mut stream, &reply);
            }
        });
        (base, receiver)
    }

    fn read_head(stream: &mut TcpStream) -> String {
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
            match stream.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => break,
            }
        }
        String::from_utf8_lossy(&head).into_owned()
    }

    fn respond(stream: &mut TcpStream, reply: &Reply) {
        match reply {
            Reply::Fixed(status, body) => {
                let head = format!(
                    "HTTP/1.1 {status} Whatever\r\ncontent-type: application/dns-message\r\n\
                     content-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body);
            }
            Reply::UntilClose(body) => {
                let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n");
                let _ = stream.write_all(body);
            }
            Reply::Silent => {
                // Wait for the client to hang up (read returns 0 or an error) or 3 s.
                let mut sink = [0u8; 64];
                while let Ok(n) = stream.read(&mut sink) {
                    if n == 0 {
                        break;
                    }
                }
            }
        }
        let _ = stream.flush();
    }

    #[test]
    fn http_200_returns_the_body_and_sends_accept() {
        let (base, requests) = serve(Reply::Fixed(200, b"\x00\x01answer".to_vec()), 1);
        let transport = UreqTransport::new();
        let url = format!("{base}/dns-query?dns=AAAB");
        let response = block_on(transport.get(&url, "application/dns-message")).unwrap();
        assert_eq!(
            response,
            HttpResponse {
                status: 200,
                body: b"\x00\x01answer".to_vec()
            }
        );
        let head = requests.recv_timeout(Duration::from_secs(5)).unwrap();
        assert!(
            head.starts_with("GET /dns-query?dns=AAAB HTTP/1.1\r\n"),
            "{head}"
        );
        assert!(
            head.to_ascii_lowercase()
                .contains("\r\naccept: application/dns-message\r\n"),
            "{head}"
        );
    }

    #[test]
    fn http_500_is_a_response_not_an_error() {
        let (base, _requests) = serve(Reply::Fixed(500, b"internal error".to_vec()), 1);
        let response = block_on(UreqTransport::new().get(&base, "application/dns-json")).unwrap();
        assert_eq!(response.status, 500);
        assert_eq!(response.body, b"internal error");
    }

    #[test]
    fn http_404_is_a_response_not_an_error() {
        let (base, _requests) = serve(Reply::Fixed(404, Vec::new()), 1);
        let response = block_on(UreqTransport::new().get(&base, "application/dns-json")).unwrap();
        assert_eq!(response.status, 404);
        assert!(response.body.is_empty());
    }

    #[test]
    fn http_body_of_exactly_64_kib_is_accepted() {
        let body = vec![b'x'; 64 * 1024];
        let (base, _requests) = serve(Reply::Fixed(200, body.clone()), 1);
        let response = block_on(UreqTransport::new().get(&base, "application/dns-json")).unwrap();
        assert_eq!(response.body, body);
    }

    #[test]
    fn http_body_of_100_kib_is_refused() {
        let expected = TransportError::Network(NetworkFailure::TooLarge);
        let (base, _requests) = serve(Reply::Fixed(200, vec![b'x'; 100 * 1024]), 1);
        let result = block_on(UreqTransport::new().get(&base, "application/dns-json"));
        assert_eq!(result, Err(expected.clone()));
        let (base, _requests) = serve(Reply::UntilClose(vec![b'y'; 100 * 1024]), 1);
        let result = block_on(UreqTransport::new().get(&base, "application/dns-json"));
        assert_eq!(result, Err(expected));
    }

    #[test]
    fn http_silent_server_times_out() {
        let (base, _requests) = serve(Reply::Silent, 1);
        let transport = UreqTransport::with_timeout(Duration::from_millis(300));
        let started = Instant::now();
        let result = block_on(transport.get(&base, "application/dns-json"));
        assert_eq!(result, Err(TransportError::Timeout));
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn http_connection_refused_is_a_network_error() {
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let url = format!("http://127.0.0.1:{port}/dns-query");
        match block_on(UreqTransport::new().get(&url, "application/dns-json")) {
            Err(TransportError::Network(why)) => assert_eq!(why, NetworkFailure::Refused),
            other => panic!("expected a network error, got {other:?}"),
        }
    }

    /// Accepts `together` connections and reads each request before it answers any:
    /// only a client with all of them in flight at once gets its answers.
    fn serve_together(together: usize) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        thread::spawn(move || {
            let mut waiting = Vec::new();
            while waiting.len() < together {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                let head = read_head(&mut stream);
                waiting.push((stream, head));
            }
            for (mut stream, head) in waiting {
                // Each answer is its own request's path, so mixed-up answers show.
                let path = head.split(' ').nth(1).unwrap_or_default().to_owned();
                respond(&mut stream, &Reply::Fixed(200, path.into_bytes()));
            }
        });
        base
    }

    #[test]
    fn concurrent_gets_are_in_flight_together() {
        let together = 8;
        let base = serve_together(together);
        // One request at a time would wait for its answer until this timeout.
        let transport = UreqTransport::with_timeout(Duration::from_secs(5));
        let urls: Vec<String> = (0..together).map(|i| format!("{base}/q{i}")).collect();
        let gets = urls
            .iter()
            .map(|url| transport.get(url, "application/dns-message"))
            .collect();
        let answers = block_on(smarthost_core::dns::cache::join_all(gets));
        let bodies: Vec<String> = answers
            .into_iter()
            .map(|a| String::from_utf8(a.unwrap().body).unwrap())
            .collect();
        let expected: Vec<String> = (0..together).map(|i| format!("/q{i}")).collect();
        assert_eq!(bodies, expected);
    }

    #[test]
    fn http_default_timeout_is_five_seconds() {
        assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(5));
    }
}
