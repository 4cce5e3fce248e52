//! AFL++ target: `polity_fuzz::registry` (see ../lib.rs).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        polity_fuzz::registry(data);
    });
}
