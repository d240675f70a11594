#!/usr/bin/env python3
"""Two builds measured in turns in one run: the same work, round after round, never both at once.

    bench/paired-rounds.py ROUNDS "LABEL,LABEL,..." NAME_A 'COMMAND_A' NAME_B 'COMMAND_B'

Each COMMAND starts a build's benchmark in rounds mode on its own copy of the data (SliderBenchmark with
-Dslider.dragRounds=ROUNDS, docs/benchmarks-ui.md; ReportRounds, docs/audit-reports.md): it prepares, prints "ready",
and for each line "go" does one round and prints "round N FIGURE...". Each build is told "go" in turn (the order
alternates: A B, B A, ...), so the machine's load falls on both alike. Prints each round's figures (to stderr), then per
figure (named by LABELS) each build's median and the median of the rounds' ratios B / A with quartiles and range.
"""
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
labels = sys.argv[2].split(",")
builds = [(sys.argv[3], sys.argv[4]), (sys.argv[5], sys.argv[6])]
procs = {}
for name, command in builds:
    procs[name] = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)


def read_line(name, prefix):
    while True:
        line = procs[name].stdout.readline()
        if not line:
            sys.exit(f"{name} ended before '{prefix}'")
        if line.startswith(prefix):
            return line.split()
        print(f"  [{name}] {line.rstrip()}", file=sys.stderr)


for name, _ in builds:
    read_line(name, "ready")
    print(f"{name} ready at {time.strftime('%H:%M:%S', time.gmtime())} UTC", file=sys.stderr)
names = [name for name, _ in builds]
figures = {name: [] for name in names}
for round_ in range(rounds):
    order = names if round_ % 2 == 0 else names[::-1]
    for name in order:
        procs[name].stdin.write("go\n")
        procs[name].stdin.flush()
        fields = read_line(name, "round")
        figures[name].append([float(value) for value in fields[2:2 + len(labels)]])
        load = open("/proc/loadavg").read().split()[0]
        shown = ", ".join(f"{label} {value}" for label, value in zip(labels, fields[2:]))
        print(f"round {round_ + 1} {name}: {shown}; load {load}; {time.strftime('%H:%M:%S', time.gmtime())} UTC",
              file=sys.stderr, flush=True)
for name in names:
    procs[name].stdin.close()
    procs[name].wait(timeout=120)

a, b = names
print(f"| figure | {a}: median of rounds | {b}: median of rounds | {b} / {a}: median of the rounds' ratios | "
      f"quartiles of the ratios | range | rounds |")
print("|---|---|---|---|---|---|---|")
for i, label in enumerate(labels):
    ratios = sorted(y[i] / x[i] for x, y in zip(figures[a], figures[b]) if x[i] > 0)
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    print(f"| {label} | {statistics.median(r[i] for r in figures[a]):.3f} | {statistics.median(r[i] for r in figures[b]):.3f}"
          f" | **{statistics.median(ratios):.3f}** | {quartiles[0]:.3f}–{quartiles[2]:.3f} | {ratios[0]:.3f}–{ratios[-1]:.3f} | {len(ratios)} |")
