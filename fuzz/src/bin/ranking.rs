//! AFL++ target: `polity_fuzz::ranking` (see ../lib.rs).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        polity_fuzz::ranking(data);
    });
}
