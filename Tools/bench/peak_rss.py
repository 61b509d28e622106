#!/usr/bin/env python3
"""Runs a command and prints `WALL CPU PEAK STATUS`: its wall time (s), its CPU time (s, user + system, of the
command and the processes it waited for), its peak resident set size (MiB) and its exit status. Its standard
output is discarded.

    peak_rss.py CMD ARGS...

The command is started by GNU time (`/usr/bin/time`, Debian's `time`), which reads the figures from wait4: a
child's peak RSS starts from its parent's at the fork, so started from this Python process every command would
show at least Python's 13 MiB.
"""
import os
import subprocess
import sys
import tempfile
import time

with tempfile.NamedTemporaryFile("r", suffix=".time") as figures:
    start = time.monotonic()
    subprocess.call(["/usr/bin/time", "-q", "-f", "%e %U %S %M %x", "-o", figures.name] + sys.argv[1:],
                    stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start  # GNU time's %e has 10 ms steps
    _, user, system, peak, status = figures.read().split()[-5:]
print(f"{wall:.3f} {float(user) + float(system):.3f} {int(peak) / 1024.0:.1f} {status}")
