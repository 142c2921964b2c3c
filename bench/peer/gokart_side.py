"""The peer workloads written for Python gokart: the same work as GoKart.Peer, mode by mode.

Run by run.py with gokart, luigi and slack_sdk sources on PYTHONPATH and Debian's python3 packages
(pandas, numpy, dill, redis, backoff, apscheduler, tornado, python-daemon). Usage:
    python3.11 gokart_side.py MODE WORKSPACE
Prints one JSON line: {"inner": seconds of the measured call}. The driver also times the whole process.
"""
import json
import logging
import sys
import time

import luigi
import numpy as np
import pandas as pd

import gokart

ROWS = 1_000_000


class Hello(gokart.TaskOnKart):
    task_namespace = 'peer'

    def output(self):
        return self.make_target('hello.txt')

    def run(self):
        self.dump('Hello, world!')


class Chain(gokart.TaskOnKart):
    """Each task loads its parent's int and dumps int + 1 (gokart's benchmark chain)."""
    task_namespace = 'peer'
    index = luigi.IntParameter()

    def requires(self):
        return Chain(index=self.index - 1) if self.index > 0 else []

    def run(self):
        self.dump(0 if self.index == 0 else self.load() + 1)


class FanLeaf(gokart.TaskOnKart):
    task_namespace = 'peer'
    index = luigi.IntParameter()

    def run(self):
        self.dump(self.index)


class FanRoot(gokart.TaskOnKart):
    task_namespace = 'peer'
    leaves = luigi.IntParameter()

    def requires(self):
        return [FanLeaf(index=i) for i in range(self.leaves)]

    def run(self):
        self.dump(sum(self.load()))


def wide_frame():
    """1,000,000 rows x 10 doubles with 17 significant digits, as GoKart.Peer makes them."""
    rng = np.random.default_rng(42)
    return pd.DataFrame({f'C{i}': rng.random(ROWS) for i in range(10)})


class Wide(gokart.TaskOnKart):
    task_namespace = 'peer'
    ext = luigi.Parameter()

    def output(self):
        return self.make_target(f'wide.{self.ext}')

    def run(self):
        self.dump(wide_frame())


def build(task):
    return gokart.build(task, log_level=logging.CRITICAL)


def main(mode, workspace):
    # luigi and gokart walk the 1000-deep chain recursively.
    sys.setrecursionlimit(100_000)
    luigi.configuration.get_config().set('TaskOnKart', 'workspace_directory', workspace)
    if mode == 'hello':
        watch = time.perf_counter()
        build(Hello())
    elif mode in ('chain', 'chain-rebuild'):
        watch = time.perf_counter()
        assert build(Chain(index=999)) == 999
    elif mode in ('fanin', 'fanin-rebuild'):
        watch = time.perf_counter()
        assert build(FanRoot(leaves=2000)) == sum(range(2000))
    elif mode.startswith('dump-'):
        # The frame is made before the clock starts: only the dump (as a task's output) is timed.
        task = Wide(ext=mode[5:])
        frame = wide_frame()
        target = task.output()
        watch = time.perf_counter()
        target.dump(frame)
    elif mode.startswith('load-'):
        # From the task object, as Kart.LoadOutput(task) is timed on the other side: the task's unique id and
        # output path are part of the call there, so they are here.
        watch = time.perf_counter()
        frame = Wide(ext=mode[5:]).output().load()
        assert frame.shape == (ROWS, 10), frame.shape
    else:
        raise SystemExit(f'unknown mode {mode!r}')
    print(json.dumps({'inner': time.perf_counter() - watch}))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
