-- POST /api/appointments over bench/out/bodies.tsv (practice TAB body), each body once across the threads,
-- by the secretary of the practice (bench/out/tokens.tsv). Counts 201, 409 and the rest.
dofile("bench/lib/wrk_threads.lua")
init = function(args)
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  local tok = {}
  for line in io.lines("bench/out/tokens.tsv") do
    local tab = line:find("\t")
    tok[line:sub(1, tab - 1)] = line:sub(tab + 1)
  end
  bodies, tokens = {}, {}
  local i = 0
  for line in io.lines(os.getenv("BODIES") or "bench/out/bodies.tsv") do
    i = i + 1
    if i % nthreads == id - 1 then
      local tab = line:find("\t")
      tokens[#tokens + 1] = tok[line:sub(1, tab - 1)]
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
  local c, k, o = thread_sum("created"), thread_sum("conflicts"), thread_sum("others")
  io.write(string.format("RESULT created=%d conflicts=%d other=%d seconds=%.2f rate=%.1f p50=%.2f p99=%.2f\n",
    c, k, o, summary.duration / 1e6, c / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
