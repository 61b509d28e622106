#!/usr/bin/env python3
"""Runs a command and prints its wall time (s) and peak resident set size (MiB): `peak_rss.py CMD ARGS...`."""
import resource
import subprocess
import sys
import time

start = time.monotonic()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print(f"{elapsed:.3f} {peak:.1f} {status}")
