//! AFL++ target: `polity_fuzz::api` (see ../lib.rs).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        polity_fuzz::api(data);
    });
}
