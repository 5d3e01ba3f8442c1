-- Loaded first by the wrk scripts: numbers wrk's threads from 1 (the global "id" in each thread) and sums a
-- thread's counter over all of them at the end (thread_sum("created") in done).
local threads = {}
local counter = 1
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
thread_sum = function(name)
  local sum = 0
  for _, t in ipairs(threads) do sum = sum + t:get(name) end
  return sum
end
