# Reads `jfr print --events jdk.ExecutionSample` on stdin; prints the top 25 top frames (self time) and the top
# 25 fr.creneau frames anywhere in a stack (inclusive), as shares of all samples.
import collections, re, sys
self_t, incl, total, stack = collections.Counter(), collections.Counter(), 0, None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and line.startswith("]"):
        if stack:
            total += 1
            self_t[stack[0]] += 1
            for f in set(f for f in stack if f.startswith("fr.creneau")):
                incl[f] += 1
        stack = None
    elif stack is not None and line and not line.startswith("..."):
        stack.append(re.sub(r"\s+line:.*", "", line))
print(f"  samples: {total}")
for f, n in self_t.most_common(25):
    print(f"  {100 * n / max(total, 1):5.1f}%  {f}")
print("- fr.creneau frames, inclusive:")
for f, n in incl.most_common(25):
    print(f"  {100 * n / max(total, 1):5.1f}%  {f}")
