"""What the disk alone costs, outside any engine, with the plain system calls (os.open/os.write/os.close).

    python3 bench/disk_probe.py /tmp/probe-1 12000               # N small files in a fresh folder
    python3 bench/disk_probe.py --replay files.txt /tmp/probe-2  # the files a build wrote: "size<TAB>relative path" lines

--replay writes each listed file with the listed size: outputs (paths not under log/) through a temporary name,
O_EXCL and a rename, as the local store does; logs in place with O_TRUNC. Its last line is "<seconds> s".

The folder is left in place: deleting it would slow the next file creations on ext4 without a journal for a few
minutes (see "The disk" in bench/README.md), so delete probe folders when you are done measuring.
"""
import os
import sys
import time


def replay(listing, folder):
    with open(listing) as f:
        files = [(int(size), path) for size, path in (line.rstrip('\n').split('\t', 1) for line in f if line.strip())]
    payload = b'x' * max(size for size, _ in files)
    start = time.perf_counter()
    made = set()
    for size, relative in files:
        final = os.path.join(folder, relative)
        directory = os.path.dirname(final)
        if directory not in made:
            os.makedirs(directory, exist_ok=True)
            made.add(directory)
        if relative.startswith('log' + os.sep):
            fd = os.open(final, os.O_CREAT | os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC, 0o666)
            os.write(fd, payload[:size])
            os.close(fd)
        else:
            temp = os.path.join(directory, '.' + os.path.basename(final) + '.gokart-tmp-0')
            fd = os.open(temp, os.O_CREAT | os.O_WRONLY | os.O_EXCL | os.O_CLOEXEC, 0o666)
            os.write(fd, payload[:size])
            os.close(fd)
            os.rename(temp, final)
    elapsed = time.perf_counter() - start
    print(f'{time.strftime("%H:%M:%S")} {len(files)} files replayed in {folder}')
    print(f'{elapsed:.6f} s')


def probe(folder, count):
    os.makedirs(folder)
    payload = b"x" * 120
    start = time.perf_counter()
    for i in range(count):
        fd = os.open(os.path.join(folder, f"f{i}.json"), os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
        os.write(fd, payload)
        os.close(fd)
    elapsed = time.perf_counter() - start
    print(f"{time.strftime('%H:%M:%S')} {count} files in {elapsed:.3f} s ({elapsed / count * 1e6:.0f} us per file) in {folder}")


if __name__ == '__main__':
    if sys.argv[1] == '--replay':
        replay(sys.argv[2], sys.argv[3])
    else:
        probe(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12000)
