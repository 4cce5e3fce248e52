//! A `polity serve` process for a test: started with the given arguments and environment, its
//! address read from its standard error, killed when dropped. The rest of its standard error goes
//! to `lines` (for tests that read the logs) or is drained.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

pub struct Server {
    pub child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `polity ARGS` with `env`; `lines`, when given, receives every later line of its
/// standard error.
pub fn start(args: &[&str], env: &[(&str, &str)], lines: Option<std::sync::mpsc::Sender<String>>) -> Server {
    let mut command = Command::new(env!("CARGO_BIN_EXE_polity"));
    // English whatever the machine's locale.
    command.env("LC_ALL", "C.UTF-8");
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polity serve starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
    // The address line (log lines may come first).
    let line = stderr
        .by_ref()
        .map_while(Result::ok)
        .find(|line| line.contains("http://"))
        .expect("polity serve says its address");
    let url = line
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_owned();
    std::thread::spawn(move || {
        for line in stderr.map_while(Result::ok) {
            if let Some(sender) = &lines
                && sender.send(line).is_err()
            {
                return;
            }
        }
    });
    Server { child, url }
}
