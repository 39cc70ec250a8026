//! The TCP connection, each address of the host in turn, with a short time-out; a failure
//! keeps its kind (refused, timed out, no route) because each means something else.

use smarthost_core::probe::Connect;
use std::io;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

pub struct Connection {
    pub state: Connect,
    /// The address connected to, or the last one tried.
    pub address: Option<SocketAddr>,
    pub stream: Option<TcpStream>,
}

pub fn connect(host: &str, port: u16, timeout: Duration) -> Connection {
    let addresses: Vec<SocketAddr> = match (host, port).to_socket_addrs() {
        Ok(found) => found.collect(),
        Err(_) => Vec::new(),
    };
    let mut last = Connection {
        state: Connect::NoAddress,
        address: None,
        stream: None,
    };
    for address in addresses {
        match TcpStream::connect_timeout(&address, timeout) {
            Ok(stream) => {
                return Connection {
                    state: Connect::Connected,
                    address: Some(address),
                    stream: Some(stream),
                }
            }
            Err(error) => {
                last = Connection {
                    state: state(&error),
                    address: Some(address),
                    stream: None,
                }
            }
        }
    }
    last
}

fn state(error: &io::Error) -> Connect {
    match error.kind() {
        io::ErrorKind::ConnectionRefused => Connect::Refused,
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Connect::TimedOut,
        io::ErrorKind::HostUnreachable | io::ErrorKind::NetworkUnreachable => Connect::Unreachable,
        _ => Connect::Failed,
    }
}
