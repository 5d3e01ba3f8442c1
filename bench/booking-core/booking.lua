-- Each thread walks its own share of unique bookings (token TAB body), so no two requests aim at one slot.
local threads = {}
local counter = 1
setup = function(thread)
  thread:set("id", counter)
  thread:set("nthreads", 0)
  counter = counter + 1
  table.insert(threads, thread)
end
init = function(args)
  bodies, tokens = {}, {}
  local i = 0
  for line in io.lines("bench/out/booking-core/booking.txt.in") do
    i = i + 1
    if i % 2 == id - 1 then
      local tab = line:find("\t")
      tokens[#tokens + 1] = line:sub(1, tab - 1)
      bodies[#bodies + 1] = line:sub(tab + 1)
    end
  end
  next_i = 0
  created, conflicts, others = 0, 0, 0
end
request = function()
  next_i = next_i + 1
  if next_i > #bodies then next_i = 1 end
  return wrk.format("POST", "/api/appointments",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[next_i] }, bodies[next_i])
end
response = function(status)
  if status == 201 then created = created + 1 elseif status == 409 then conflicts = conflicts + 1 else others = others + 1 end
end
done = function(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflicts"); o = o + t:get("others")
  end
  io.write(string.format("created=%d conflicts=%d other=%d throughput=%.1f bookings/s p50=%.2fms p99=%.2fms\n",
    c, k, o, c / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
