-- Booking load that records the id of every appointment whose 201 the client received, one file per thread
-- (bench/out/faults/acked-N.txt, line-buffered so nothing is lost when the load ends abruptly).
dofile("bench/lib/wrk_threads.lua")
init = function(args)
  local tok = {}
  for line in io.lines("bench/out/tokens.tsv") do
    local tab = line:find("\t")
    tok[line:sub(1, tab - 1)] = line:sub(tab + 1)
  end
  bodies, tokens = {}, {}
  local i = 0
  for line in io.lines(os.getenv("BODIES")) do
    i = i + 1
    if i % 2 == id - 1 then
      local tab = line:find("\t")
      tokens[#tokens + 1] = tok[line:sub(1, tab - 1)]
      bodies[#bodies + 1] = line:sub(tab + 1)
    end
  end
  next_i = 0
  acked = io.open("bench/out/faults/acked-" .. id .. ".txt", "w")
  acked:setvbuf("line")
  created, others = 0, 0
end
request = function()
  next_i = next_i + 1
  if next_i > #bodies then next_i = 1 end
  return wrk.format("POST", "/api/appointments",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[next_i] }, bodies[next_i])
end
response = function(status, headers, body)
  if status == 201 then
    created = created + 1
    acked:write(body:match('"id"%s*:%s*(%d+)') .. "\n")
  else
    others = others + 1
  end
end
done = function(summary, latency, requests)
  local c, o = thread_sum("created"), thread_sum("others")
  io.write(string.format("RESULT acked=%d other_status=%d connect_errors=%d read_errors=%d timeouts=%d\n", c, o,
    summary.errors.connect, summary.errors.read, summary.errors.timeout))
end
