//! A real Postfix for `smarthost probe`'s tests: one master with its configuration, queue
//! and certificate under a temporary folder, listening on free high ports of 127.0.0.1,
//! one smtpd per kind of server the tests need. Started once per test process; a
//! watchdog shell holds a pipe from this process and stops Postfix when the pipe closes,
//! that is when the test process exits, however it exits.
//!
//! `postfix start` returns once the master has bound its ports (it runs `master -w`,
//! which waits for the daemon's initialisation), so no test waits on a timer.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

/// The servers, one port each.
pub struct Postfix {
    /// STARTTLS, then AUTH (Cyrus SASL's mechanisms) inside TLS only.
    pub tls_auth: u16,
    /// No STARTTLS and no AUTH.
    pub no_tls: u16,
    /// STARTTLS limited to TLS 1.0 (OpenSSL at security level 0).
    pub tls10_only: u16,
    /// AUTH offered before STARTTLS too.
    pub auth_before_tls: u16,
    pub dir: PathBuf,
    _watchdog: Mutex<(Child, ChildStdin)>,
}

const POSTFIX: &str = "/usr/sbin/postfix";

/// Why the tests cannot run here, if they cannot: Postfix missing, or not root (the
/// master starts as root and drops to the postfix user).
pub fn missing() -> Option<String> {
    if !Path::new(POSTFIX).exists() || !Path::new("/usr/bin/openssl").exists() {
        return Some("Postfix (/usr/sbin/postfix) or openssl is not installed".to_owned());
    }
    let uid = Command::new("id").arg("-u").output().ok()?;
    (String::from_utf8_lossy(&uid.stdout).trim() != "0")
        .then(|| "the Postfix tests start a master daemon and need root".to_owned())
}

/// The shared Postfix, started on first use.
pub fn postfix() -> &'static Postfix {
    static POSTFIX: OnceLock<Result<Postfix, String>> = OnceLock::new();
    match POSTFIX.get_or_init(start) {
        Ok(postfix) => postfix,
        Err(e) => panic!("{e}"),
    }
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("finding a free port: {e}"))
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

fn start() -> Result<Postfix, String> {
    let base = std::env::var_os("SMARTHOST_RUN_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join(format!("smarthost-postfix-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["conf", "queue", "data", "sasl"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // The postfix user must reach the queue and data folders through this one.
    run(Command::new("chmod").arg("755").arg(&dir))?;
    run(Command::new("chown").arg("postfix").arg(dir.join("data")))?;
    // A certificate made now: P-256, for mail.test and localhost, valid 400 days.
    run(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "400", "-subj", "/CN=mail.test"])
        .args(["-addext", "subjectAltName=DNS:mail.test,DNS:localhost"])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem")))?;
    let d = dir.display();
    let main_cf = format!(
        "compatibility_level = 3.6
queue_directory = {d}/queue
data_directory = {d}/data
mail_owner = postfix
myhostname = mail.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
maillog_file_prefixes = {d}
maillog_file = {d}/maillog
smtpd_tls_cert_file = {d}/cert.pem
smtpd_tls_key_file = {d}/key.pem
smtpd_tls_security_level = may
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
cyrus_sasl_config_path = {d}/sasl
smtpd_tls_auth_only = yes
"
    );
    std::fs::write(dir.join("conf/main.cf"), main_cf).map_err(|e| e.to_string())?;
    std::fs::write(
        dir.join("sasl/smtpd.conf"),
        format!("pwcheck_method: auxprop\nauxprop_plugin: sasldb\nsasldb_path: {d}/sasldb2\n"),
    )
    .map_err(|e| e.to_string())?;
    let (tls_auth, no_tls, tls10_only, auth_before_tls) =
        (free_port()?, free_port()?, free_port()?, free_port()?);
    let master_cf = format!(
        "127.0.0.1:{tls_auth} inet n - n - - smtpd
127.0.0.1:{no_tls} inet n - n - - smtpd -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=no
127.0.0.1:{tls10_only} inet n - n - - smtpd -o smtpd_tls_protocols=>=TLSv1,<=TLSv1 -o smtpd_tls_ciphers=medium -o tls_medium_cipherlist=DEFAULT:@SECLEVEL=0
127.0.0.1:{auth_before_tls} inet n - n - - smtpd -o smtpd_tls_auth_only=no
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
cleanup unix n - n - 0 cleanup
proxymap unix - - n - - proxymap
anvil unix - - n - 1 anvil
postlog unix-dgram n - n - 1 postlogd
"
    );
    std::fs::write(dir.join("conf/master.cf"), master_cf).map_err(|e| e.to_string())?;
    let conf = dir.join("conf");
    // The watchdog first, so Postfix is stopped even if its start half-succeeds.
    let mut watchdog = Command::new("sh")
        .arg("-c")
        .arg("cat >/dev/null; \"$0\" -c \"$1\" stop; rm -rf \"$2\"")
        .arg(POSTFIX)
        .arg(&conf)
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting the watchdog: {e}"))?;
    let stdin = watchdog.stdin.take().ok_or("no watchdog stdin")?;
    run(Command::new(POSTFIX).arg("-c").arg(&conf).arg("start")).map_err(|e| {
        let log = std::fs::read_to_string(dir.join("maillog")).unwrap_or_default();
        format!("{e}\n{log}")
    })?;
    Ok(Postfix {
        tls_auth,
        no_tls,
        tls10_only,
        auth_before_tls,
        dir,
        _watchdog: Mutex::new((watchdog, stdin)),
    })
}

impl Postfix {
    /// Postfix's log of this run, for a failing test's message.
    pub fn log(&self) -> String {
        let _ = std::io::stderr().flush();
        std::fs::read_to_string(self.dir.join("maillog")).unwrap_or_default()
    }
}
