//! Reading SMTP replies from a stream and writing commands to it. Replies are read one
//! byte at a time: nothing is read past a reply, so when STARTTLS is accepted the next
//! byte on the socket is the server's first TLS byte, not something a buffer swallowed.

use smarthost_core::probe::{Cause, Reply, ReplyReader};
use std::io::{self, Read, Write};

/// RFC 5321 4.5.3.1.5 allows 512 octets per reply line; real servers stay well within.
const MAX_LINE: usize = 2048;

/// One whole reply, or why none came.
pub fn read_reply<S: Read>(stream: &mut S) -> Result<Reply, Cause> {
    let mut reader = ReplyReader::new();
    loop {
        let line = read_line(stream)?;
        match reader.push(&line) {
            Ok(Some(reply)) => return Ok(reply),
            Ok(None) => {}
            Err(error) => return Err(Cause::NotSmtp(error.to_string())),
        }
    }
}

/// Sends `command` and its CRLF.
pub fn send<S: Write>(stream: &mut S, command: &str) -> Result<(), Cause> {
    stream
        .write_all(format!("{command}\r\n").as_bytes())
        .and_then(|()| stream.flush())
        .map_err(|e| cause(&e))
}

/// The socket error as the probe reports it.
pub fn cause(error: &io::Error) -> Cause {
    match error.kind() {
        io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => Cause::TimedOut,
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => Cause::Closed,
        _ => Cause::Io(error.to_string()),
    }
}

fn read_line<S: Read>(stream: &mut S) -> Result<String, Cause> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match stream.read(&mut byte) {
            Ok(0) => return Err(Cause::Closed),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(cause(&e)),
        }
        if byte[0] == b'\n' {
            return Ok(String::from_utf8_lossy(&line).into_owned());
        }
        line.push(byte[0]);
        if line.len() > MAX_LINE {
            let start: String = String::from_utf8_lossy(&line).chars().take(60).collect();
            return Err(Cause::NotSmtp(format!(
                "a line longer than {MAX_LINE} bytes: `{start}`"
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_reply_and_no_further() {
        let mut input: &[u8] = b"250-mail.test\r\n250 STARTTLS\r\n\x16\x03\x03";
        let reply = read_reply(&mut input).unwrap();
        assert_eq!(reply.lines, ["mail.test", "STARTTLS"]);
        assert_eq!(input, b"\x16\x03\x03", "the TLS bytes are left unread");
    }

    #[test]
    fn what_is_not_a_reply() {
        let mut closed: &[u8] = b"220 half";
        assert_eq!(read_reply(&mut closed), Err(Cause::Closed));
        let mut ssh: &[u8] = b"SSH-2.0-OpenSSH_9.2\r\n";
        assert!(matches!(read_reply(&mut ssh), Err(Cause::NotSmtp(_))));
        let long = vec![b'2'; MAX_LINE + 10];
        assert!(matches!(
            read_reply(&mut long.as_slice()),
            Err(Cause::NotSmtp(_))
        ));
        let mut binary: &[u8] = b"\xff\xfe\x00\n";
        assert!(matches!(read_reply(&mut binary), Err(Cause::NotSmtp(_))));
    }
}
