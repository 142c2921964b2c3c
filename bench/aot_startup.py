#!/usr/bin/env python3
"""Issue 18 item 4 (Native AOT start-up): interleaved whole-process runs of native and JIT programs.

usage: aot_startup.py ROUNDS LABEL=COMMAND [LABEL=COMMAND ...]
       aot_startup.py --make-bare OUTDIR      # publish a Native AOT console program that prints one line

COMMAND is split on spaces: `hello=samples/AotHello/bin/aot/AotHello`, `run=samples/AotHello/bin/aot/AotHello Greeting`,
`help=samples/AotHello/bin/aot/AotHello --help`, `bare=/tmp/aot-bare/Bare`,
`jit=dotnet samples/Quickstart/bin/Release/net10.0/Quickstart.dll`.

Each round runs every command once, each in a fresh empty folder (so every build is a cold one: one task, its output
and five logs); the order rotates from round to round. Prints, per command, the median and min wall time
(time.perf_counter around subprocess.run), the median CPU time (getrusage of the children), the median of the
per-round ratios to the first command, and the load average before and after. Every child gets a 60 s timeout, and a
command that fails stops the run.
"""
import os, resource, shutil, statistics, subprocess, sys, tempfile, time

BARE_PROJECT = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
"""

def make_bare(out):
    src = tempfile.mkdtemp(prefix="gokart-aot-bare-")
    try:
        with open(os.path.join(src, "Bare.csproj"), "w") as f:
            f.write(BARE_PROJECT)
        with open(os.path.join(src, "Program.cs"), "w") as f:
            f.write('System.Console.WriteLine("Hello, world!");\n')
        subprocess.run(["flock", "-o", "/tmp/gokart-build.lock", "timeout", "1200", "dotnet", "publish", src,
                        "-c", "Release", "-r", "linux-x64", "-o", out], check=True, timeout=1300)
    finally:
        shutil.rmtree(src, ignore_errors=True)
    print(os.path.join(out, "Bare"))

def run(args, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=60)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{args} exited {p.returncode}: {p.stdout}{p.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def main():
    if sys.argv[1] == "--make-bare":
        make_bare(os.path.abspath(sys.argv[2]))
        return
    rounds = int(sys.argv[1])
    commands = []
    for arg in sys.argv[2:]:
        label, command = arg.split("=", 1)
        args = command.split()
        if os.path.sep in args[0]:
            args[0] = os.path.abspath(args[0])
        args[1:] = [os.path.abspath(a) if a.endswith(".dll") else a for a in args[1:]]
        commands.append((label, args))
    samples = {label: [] for label, _ in commands}
    root = tempfile.mkdtemp(prefix="gokart-aot-startup-")
    load = [open("/proc/loadavg").read().split()[0]]
    started = time.strftime("%H:%M", time.gmtime())
    try:
        for r in range(rounds):
            order = commands[r % len(commands):] + commands[:r % len(commands)]
            walls = {}
            for label, args in order:
                cwd = os.path.join(root, f"{r}-{label}")
                os.makedirs(cwd)
                walls[label] = run(args, cwd)
            first = walls[commands[0][0]][0]
            for label, (wall, cpu) in walls.items():
                samples[label].append((wall, cpu, wall / first))
        load.append(open("/proc/loadavg").read().split()[0])
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{rounds} interleaved rounds, {started}-{time.strftime('%H:%M UTC', time.gmtime())}, load average {load[0]} -> {load[1]}")
    print(f"| command | median wall s | min wall s | median CPU s | wall / {commands[0][0]}, median of per-round ratios |")
    print("|---|---:|---:|---:|---:|")
    for label, args in commands:
        rows = samples[label]
        print(f"| {label}: `{' '.join(os.path.basename(a) for a in args)}` | {statistics.median(s[0] for s in rows):.4f} | "
              f"{min(s[0] for s in rows):.4f} | {statistics.median(s[1] for s in rows):.4f} | {statistics.median(s[2] for s in rows):.3f} |")

main()
