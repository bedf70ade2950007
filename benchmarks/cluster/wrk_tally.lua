-- wrk script of benchmarks/cluster/balancer.py: tallies each answer's status, the app server
-- that answered (HAProxy's X-Served-By) and a redirect's target, and prints them at the end
-- as one line "TALLY {json}". Given a data file (`wrk ... -- FILE THREADS`, written by the
-- benchmark), each request is the next of its prepared posts, each sent once: thread n of
-- THREADS sends posts n, n + THREADS, ...; when its share runs out it stops and says so.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  statuses, served, locations, exhausted = {}, {}, {}, 0
  if args[1] then
    data = dofile(args[1])
    step = tonumber(args[2])
    index = number
  end
end

function request()
  if not data then
    return wrk.request()
  end
  local post = data.posts[index]
  if not post then
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/healthz")
  end
  index = index + step
  local headers = { ["Cookie"] = post.cookie, ["Content-Type"] = post.type, ["Origin"] = data.origin }
  return wrk.format("POST", data.path, headers, post.body)
end

local function count(tally, key)
  tally[key] = (tally[key] or 0) + 1
end

function response(status, headers, body)
  count(statuses, tostring(status))
  count(served, headers["x-served-by"] or headers["X-Served-By"] or "none")
  local location = headers["location"] or headers["Location"]
  if location then
    count(locations, location)
  end
end

local function json_object(tally)
  local parts = {}
  for key, value in pairs(tally) do
    table.insert(parts, string.format("%q: %d", key, value))
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function merged(name)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, value in pairs(thread:get(name) or {}) do
      total[key] = (total[key] or 0) + value
    end
  end
  return total
end

function done(summary, latency, requests)
  local exhausted_threads = 0
  for _, thread in ipairs(threads) do
    exhausted_threads = exhausted_threads + (thread:get("exhausted") or 0)
  end
  io.write(string.format(
    'TALLY {"statuses": %s, "served_by": %s, "locations": %s, "threads_out_of_posts": %d}\n',
    json_object(merged("statuses")),
    json_object(merged("served")),
    json_object(merged("locations")),
    exhausted_threads
  ))
end
