"""Times the creation of N small files in a fresh folder: what the disk alone costs, outside any engine.

    python3 bench/disk_probe.py /tmp/probe-1 12000

The folder is left in place: deleting it would slow the next file creations on ext4 without a journal for a few
minutes (see "The disk" in bench/README.md), so delete probe folders when you are done measuring.
"""
import os
import sys
import time

folder, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12000
os.makedirs(folder)
payload = b"x" * 120
start = time.perf_counter()
for i in range(count):
    fd = os.open(os.path.join(folder, f"f{i}.json"), os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
    os.write(fd, payload)
    os.close(fd)
elapsed = time.perf_counter() - start
print(f"{time.strftime('%H:%M:%S')} {count} files in {elapsed:.3f} s ({elapsed / count * 1e6:.0f} us per file) in {folder}")
