#!/usr/bin/env python3
"""Cross-check polity's Meek and Scottish STV against the droop package (jklundell/droop).

Usage: python3 tests/crosscheck/stv_against_droop.py POLITY_BINARY DROOP_PY [ELECTIONS]

Writes ELECTIONS (default 200) random BLT files (4-9 candidates, 1-4 seats, 30-300 ballots, each
ranking a random prefix of a random order; seeded, so every run writes the same files) into a
temporary folder, counts each with `polity tally --method meek|scottish-stv --json` and with
`python3 Droop.py meek|scotland`, and compares the winners. Elections where polity reports a tie
only a lot could break are left out (polity stops there; droop draws from its own order), and a
difference where droop broke a tie is reported as such: droop breaks ties by its random order,
polity by the most recent earlier round where the votes differed. Exit 1 on any other difference.

Not run by CI (it needs Python and droop); its figures are in BENCHMARKS.md.
"""
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    polity, droop = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    agree = {"meek": 0, "scottish-stv": 0}
    droop_tie = {"meek": 0, "scottish-stv": 0}
    lot = 0
    other = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(count):
            rng = random.Random(seed)
            candidates = rng.randint(4, 9)
            seats = rng.randint(1, min(4, candidates - 1))
            lines = [f"{candidates} {seats}"]
            for _ in range(rng.randint(30, 300)):
                order = list(range(1, candidates + 1))
                rng.shuffle(order)
                length = 1 + min(rng.randrange(candidates), rng.randrange(candidates))
                lines.append("1 " + " ".join(map(str, order[:length])) + " 0")
            lines.append("0")
            lines += [f'"C{index}"' for index in range(1, candidates + 1)]
            lines.append('"random election"')
            path = Path(folder) / f"e{seed}.blt"
            path.write_text("\n".join(lines) + "\n")
            for method, rule in (("meek", "meek"), ("scottish-stv", "scotland")):
                result = json.loads(
                    subprocess.run(
                        [polity, "tally", str(path), "--method", method, "--json"],
                        capture_output=True, text=True, check=True,
                    ).stdout
                )
                if result["tie"] and not result["tie"]["broken"]:
                    lot += 1
                    continue
                report = subprocess.run(
                    ["python3", droop, rule, str(path)], capture_output=True, text=True, check=True
                ).stdout
                final = report[report.rindex("Action: Count Complete"):]
                theirs = sorted(re.findall(r"Elected:\s+(\S+)", final))
                ours = sorted(result["winners"])
                if ours == theirs:
                    agree[method] += 1
                elif "Break tie" in report:
                    droop_tie[method] += 1
                else:
                    other.append((seed, method, ours, theirs))
    print(f"{count} elections, 2 rules each")
    print(f"same winners: {agree}")
    print(f"different winners where droop broke a tie by its random order: {droop_tie}")
    print(f"left out, polity reports a tie only a lot could break: {lot}")
    print(f"other differences: {other}")
    return 1 if other else 0


if __name__ == "__main__":
    sys.exit(main())
