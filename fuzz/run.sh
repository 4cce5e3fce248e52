#!/usr/bin/env bash
# Builds the AFL++ targets and fuzzes each for SECONDS (default 60), starting from the committed
# corpus. Fails if any target crashed or hung (an input that runs over 5 s). Used by .ci/run.
#
# usage: [FUZZ_PROFILE=release] fuzz/run.sh [SECONDS] [TARGET...]
#
# The targets are built in the dev profile unless FUZZ_PROFILE=release: on a 2-core machine the
# instrumented dev build takes about 7 minutes and the release build about 16, and the dev
# binaries still run 8,000-30,000 inputs a second (measured 2026-11-29). Use release for long runs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(registry ballots ranking api)

if ! cargo afl --version >/dev/null 2>&1; then
    echo "== installing cargo-afl (AFL++ for stable Rust)"
    cargo install cargo-afl --version 0.18.2 --locked --quiet
fi
# Builds AFL++'s runtime for this rustc when it is not built yet (the install usually did).
cargo afl config --build >/dev/null 2>&1 || true

# afl-fuzz first runs every input of the corpus: an input that crashes stops it, and fails here.
profile="${FUZZ_PROFILE:-dev}"
case "$profile" in
    dev) build_flags=(); bin_dir=target/debug ;;
    release) build_flags=(--release); bin_dir=target/release ;;
    *) echo "FUZZ_PROFILE must be dev or release, not '$profile'"; exit 2 ;;
esac
echo "== building the targets with AFL++ instrumentation ($profile profile)"
cargo afl build "${build_flags[@]}" --features afl --quiet

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
failed=0
for target in "${targets[@]}"; do
    out="out/$target"
    rm -rf "$out"
    mkdir -p out
    echo "== fuzzing $target for ${seconds}s"
    cargo afl fuzz -V "$seconds" -t 5000 -i "corpus/$target" -o "$out" "$bin_dir/$target" >"out/$target.log" 2>&1 || {
        echo "afl-fuzz could not run $target:"; tail -20 "out/$target.log"; failed=1; continue;
    }
    grep -a "Statistics" "out/$target.log" | sed 's/\x1b\[[0-9;]*m//g' || true
    for kind in crashes hangs; do
        found=$(find "$out/default/$kind" -type f ! -name README.txt 2>/dev/null | wc -l)
        if [ "$found" -gt 0 ]; then
            echo "FAILED: $target has $found $kind in $out/default/$kind:"
            for input in $(find "$out/default/$kind" -type f ! -name README.txt | head -5); do
                echo "--- $input"; head -c 400 "$input" | od -c | head -12
            done
            failed=1
        fi
    done
done
exit "$failed"
