//! AFL++ target: `polity_fuzz::ballots` (see ../lib.rs).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        polity_fuzz::ballots(data);
    });
}
