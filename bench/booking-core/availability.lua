-- Each request asks one week of free slots of a random practitioner.
local paths = {}
for line in io.lines("bench/out/booking-core/availability.txt.in") do paths[#paths + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
local statuses = {}
response = function(status) statuses[status] = (statuses[status] or 0) + 1 end
done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms requests=%d errors=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status + summary.errors.connect + summary.errors.timeout))
end
