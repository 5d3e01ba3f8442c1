"""Probes the API every 100 ms during a fault and logs one line per request: time since start, status,
content type, latency, problem code. Usage: probe.py URL SECONDS OUTFILE [ORIGIN]: times count from ORIGIN (epoch
seconds, the caller's clock of the fault's events) when given, else from the probe's own start"""
import json, sys, time, urllib.request, urllib.error

url, seconds, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
start = float(sys.argv[4]) if len(sys.argv) > 4 else time.time()
with open(out, "w") as f:
    while time.time() - start < seconds:
        t0 = time.time()
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                status, ctype, body = r.status, r.headers.get("Content-Type", ""), r.read()
        except urllib.error.HTTPError as e:
            status, ctype, body = e.code, e.headers.get("Content-Type", ""), e.read()
        except Exception as e:  # a timeout or a refused connection: the backend itself is not answering
            status, ctype, body = 0, type(e).__name__, b""
        code = ""
        if "problem+json" in ctype:
            code = json.loads(body).get("code", "")
        f.write(f"{t0 - start:.3f} {status} {ctype.split(';')[0]} {time.time() - t0:.3f} {code}\n")
        f.flush()
        time.sleep(max(0, 0.1 - (time.time() - t0)))
