#!/usr/bin/env python3
"""Side-by-side driver: each workload on Python gokart and on GoKart.NET, interleaved (A B A B ...).

    /usr/bin/python3.11 bench/peer/run.py --gokart-src DIR [--repeats 5] [--only load]

DIR holds the gokart, luigi and slack_sdk packages (fetched sources; see bench/peer/README.md) and goes on
PYTHONPATH; Debian's python3 packages supply the rest. Without --gokart-src (or $GOKART_PEER_SRC) only our
side runs. Prints, per workload, both medians and the median of the per-pair ratios GoKart.NET / gokart
(below 1: GoKart.NET is faster), with the load average before and after.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER_DLL = os.path.join(HERE, 'GoKart.Peer', 'bin', 'Release', 'net10.0', 'GoKart.Peer.dll')
TIMEOUT = 900  # seconds per child process; a hung child fails the run instead of stalling it

# (row, gokart mode, GoKart.NET mode, what is timed, what must exist first)
#   what is timed: 'wall' = the whole child process, 'inner' = the measured call inside it (see the *_side programs)
#   what must exist first: None = an empty workspace each time; a mode = a workspace that mode has filled once
WORKLOADS = [
    ('hello, whole process (cold)', 'hello', 'hello', 'wall', None),
    ('chain of 1000, cold build', 'chain', 'chain', 'inner', None),
    ('chain of 1000, rebuild in a fresh process', 'chain-rebuild', 'chain-rebuild', 'wall', 'chain'),
    ('fan-in of 2000, cold build', 'fanin', 'fanin', 'inner', None),
    ('fan-in of 2000, rebuild in a fresh process', 'fanin-rebuild', 'fanin-rebuild', 'wall', 'fanin'),
    ('1M x 10 doubles, dump: pkl vs npz records', 'dump-pkl', 'dump-npz', 'inner', None),
    ('1M x 10 doubles, dump: pkl vs npz columns', 'dump-pkl', 'dump-npzcols', 'inner', None),
    ('1M x 10 doubles, dump: csv vs csv records', 'dump-csv', 'dump-csv', 'inner', None),
    ('1M x 10 doubles, first load in a fresh process: pkl vs npz records', 'load-pkl', 'load-npz', 'inner', 'dump'),
    ('1M x 10 doubles, first load in a fresh process: pkl vs npz columns', 'load-pkl', 'load-npzcols', 'inner', 'dump'),
    ('1M x 10 doubles, first load in a fresh process: read_csv vs csv records', 'load-csv', 'load-csv', 'inner', 'dump'),
    ('1M x 10 doubles, first load in a fresh process, load only (Kart.LoadOutput): pkl vs npz records', 'load-pkl', 'loadout-npz', 'inner', 'dump'),
    ('1M x 10 doubles, first load in a fresh process, load only (Kart.LoadOutput): pkl vs npz columns', 'load-pkl', 'loadout-npzcols', 'inner', 'dump'),
    ('1M x 10 doubles, first load in a fresh process, load only (Kart.LoadOutput): read_csv vs csv records', 'load-csv', 'loadout-csv', 'inner', 'dump'),
]


def loadavg():
    with open('/proc/loadavg') as f:
        return ' '.join(f.read().split()[:3])


class Side:
    def __init__(self, name, command, env, root):
        self.name, self.command, self.env, self.root = name, command, env, root
        self.prepared = {}

    def run(self, mode, workspace):
        watch = time.perf_counter()
        done = subprocess.run(self.command + [mode, workspace], env=self.env, capture_output=True, text=True, timeout=TIMEOUT)
        wall = time.perf_counter() - watch
        if done.returncode != 0:
            raise SystemExit(f'{self.name} {mode} failed with exit code {done.returncode}:\n{done.stderr[-3000:]}')
        inner = json.loads(done.stdout.strip().splitlines()[-1])['inner']
        return {'wall': wall, 'inner': inner}

    def workspace(self, mode, needs):
        """A fresh workspace, or the one `needs` filled (made once, untimed, then reused)."""
        if needs is None:
            return tempfile.mkdtemp(prefix=f'{self.name}-', dir=self.root)
        key = 'dump-' + mode.split('-', 1)[1] if needs == 'dump' else needs
        if key not in self.prepared:
            self.prepared[key] = tempfile.mkdtemp(prefix=f'{self.name}-{key}-', dir=self.root)
            self.run(key, self.prepared[key])
        return self.prepared[key]

    def measure(self, mode, needs, metric):
        workspace = self.workspace(mode, needs)
        try:
            return self.run(mode, workspace)[metric]
        finally:
            if needs is None:
                shutil.rmtree(workspace, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--gokart-src', default=os.environ.get('GOKART_PEER_SRC'))
    parser.add_argument('--repeats', type=int, default=5)
    parser.add_argument('--only', help='run the workloads whose row contains this text')
    parser.add_argument('--dir', default=None, help='where workspaces go (default: a new folder under /tmp)')
    args = parser.parse_args()
    if not os.path.exists(PEER_DLL):
        raise SystemExit(f'{PEER_DLL} is missing: dotnet build bench/peer/GoKart.Peer -c Release')
    root = tempfile.mkdtemp(prefix='gokart-peer-', dir=args.dir)
    ours = Side('net', ['dotnet', PEER_DLL], dict(os.environ), root)
    theirs = None
    if args.gokart_src:
        env = dict(os.environ, PYTHONPATH=os.path.abspath(args.gokart_src))
        theirs = Side('py', [sys.executable, os.path.join(HERE, 'gokart_side.py')], env, root)
    rows = [w for w in WORKLOADS if args.only is None or args.only in w[0]]
    print(f'load average before: {loadavg()}; {args.repeats} pairs per row, interleaved; python {sys.version.split()[0]}', flush=True)
    print('| workload | timed | gokart median s | GoKart.NET median s | median of pair ratios GoKart.NET / gokart |')
    print('|---|---|---:|---:|---:|')
    try:
        for name, py_mode, net_mode, metric, needs in rows:
            py_times, net_times, ratios = [], [], []
            for _ in range(args.repeats):
                net = ours.measure(net_mode, needs, metric)
                net_times.append(net)
                if theirs is not None:
                    py = theirs.measure(py_mode, needs, metric)
                    py_times.append(py)
                    ratios.append(net / py)
            py_cell = f'{statistics.median(py_times):.3f}' if py_times else '—'
            ratio_cell = f'**{statistics.median(ratios):.3f}**' if ratios else '—'
            print(f'| {name} | {metric} | {py_cell} | {statistics.median(net_times):.3f} | {ratio_cell} |', flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f'load average after: {loadavg()}')


if __name__ == '__main__':
    main()
