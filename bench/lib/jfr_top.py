#!/usr/bin/env python3
"""Summary of a JFR recording's CPU samples (jdk.ExecutionSample): samples per thread group, the hottest
self frames, and the share of samples whose stack goes through each library (inclusive)."""
import collections
import re
import subprocess
import sys

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
samples = []
for block in text.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', block)
    thread = re.sub(r"[-#]?\d+$", "", m.group(1)) if m else "?"
    frames = re.findall(r"^\s+([\w$.<>]+)\(.*?\)\s+line:", block, re.M)
    samples.append((thread, frames))
total = len(samples) or 1
print(f"\nJFR CPU samples: {len(samples)}")
print("- by thread: " + ", ".join(f"{t} {c * 100 // total}%" for t, c in
                                   collections.Counter(t for t, _ in samples).most_common(8)))
groups = [("Firebase SDK", "com.google.firebase."), ("google-http-client", "com.google.api.client."),
          ("Apache HttpClient", "org.apache.http."), ("google-auth", "com.google.auth."),
          ("JSON (Jackson)", "com.fasterxml.jackson."), ("JSON (Gson)", "com.google.gson."),
          ("pgjdbc", "org.postgresql."), ("Agroal", "io.agroal."), ("our dispatcher", "fr.creneau.backend.notification."),
          ("socket I/O", "sun.nio.ch."), ("java.net", "java.net.")]
incl = []
for name, prefix in groups:
    n = sum(1 for _, f in samples if any(x.startswith(prefix) for x in f))
    incl.append(f"{name} {n * 100 // total}%")
print("- stacks through (inclusive): " + ", ".join(incl))
print("- hottest self frames:")
for frame, c in collections.Counter(f[0] for _, f in samples if f).most_common(12):
    print(f"  - {c * 100 / total:.1f}% {frame}")
