#!/usr/bin/env python3
"""Issue 18 item 4 (start-up with the JIT): interleaved fresh-process runs of GoKart.Bench.Startup.

usage: startup.py ROUNDS LABEL=PATH/GoKart.Bench.Startup.dll [LABEL=...]

Each round runs, in a fresh empty folder each: the bare program (`dotnet x.dll bare`: prints a line, touches no GoKart
type) and then every labelled build program (`dotnet x.dll`: the Quickstart's one-task build). Prints, per program,
the median and min whole-process wall time, median CPU time (getrusage of the children), the median of the
in-process first Kart.Build (Stopwatch around the call, printed by the program), and the whole-process excess over the
bare program of the same round (median of per-round differences). Every child gets a 60 s timeout.
"""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time

def run(args, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=60)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{args} exited {p.returncode}: {p.stdout}{p.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    first = None
    for word in p.stderr.split("\n"):
        if word.startswith("first-build"):
            first = float(word.split()[1])
    return wall, cpu, first

def main():
    rounds = int(sys.argv[1])
    programs = [a.split("=", 1) for a in sys.argv[2:]]
    bare_dll = programs[0][1]
    rows = {"bare": []} | {label: [] for label, _ in programs}
    root = tempfile.mkdtemp(prefix="gokart-startup-")
    load = [open("/proc/loadavg").read().split()[0]]
    try:
        for r in range(rounds):
            jobs = [("bare", ["dotnet", bare_dll, "bare"])] + [(label, ["dotnet", dll]) for label, dll in programs]
            if r % 2:
                jobs = [jobs[0]] + jobs[:0:-1]  # alternate the order of the build programs
            bare = None
            for label, args in jobs:
                cwd = os.path.join(root, f"{r}-{label}")
                os.makedirs(cwd)
                wall, cpu, first = run(args, cwd)
                if label == "bare":
                    bare = wall
                rows[label].append((wall, cpu, first, wall - bare))
        load.append(open("/proc/loadavg").read().split()[0])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{rounds} interleaved rounds, {time.strftime('%H:%M UTC', time.gmtime())}, load average {load[0]} -> {load[1]}")
    print("| program | median wall s | min wall s | median CPU s | median first Kart.Build in process s | median wall over bare s |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, samples in rows.items():
        walls = [s[0] for s in samples]
        firsts = [s[2] for s in samples if s[2] is not None]
        print(f"| {label} | {statistics.median(walls):.4f} | {min(walls):.4f} | {statistics.median(s[1] for s in samples):.4f} | "
              + (f"{statistics.median(firsts):.4f}" if firsts else "") + " | "
              + (f"{statistics.median(s[3] for s in samples):.4f}" if label != "bare" else "") + " |")

main()
