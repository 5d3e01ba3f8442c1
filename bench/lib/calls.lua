-- POST /api/practices/{id}/calls (a secretary opens a phone call record: JWT, role and practice checks, one INSERT
-- and one read through Hibernate Reactive), each thread cycling over the 200 practices' secretaries
-- (bench/out/tokens.tsv). Counts 201 and the rest.
dofile("bench/lib/wrk_threads.lua")
init = function(args)
  practices, tokens = {}, {}
  for line in io.lines("bench/out/tokens.tsv") do
    local tab = line:find("\t")
    practices[#practices + 1] = line:sub(1, tab - 1)
    tokens[#tokens + 1] = line:sub(tab + 1)
  end
  next_i = id
  created, others = 0, 0
  body = '{"callerName":"Bench floor","callerPhone":"+33612345678"}'
end
request = function()
  next_i = next_i + 1
  if next_i > #tokens then next_i = 1 end
  return wrk.format("POST", "/api/practices/" .. practices[next_i] .. "/calls",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[next_i] }, body)
end
response = function(status)
  if status == 201 then created = created + 1 else others = others + 1 end
end
done = function(summary, latency, requests)
  local c, o = thread_sum("created"), thread_sum("others")
  io.write(string.format("RESULT created=%d other=%d seconds=%.2f rate=%.1f p50=%.2f p99=%.2f\n",
    c, o, summary.duration / 1e6, c / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
