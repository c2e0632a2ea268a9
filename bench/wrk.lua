-- Every request of every row: HTTPS behind the proxy, and any answer but 200 counted (wrk itself counts only 4xx
-- and 5xx: a redirect would be measured as a fast page). With the argument "clients" each request comes from one
-- of 1,000 client addresses, as the API's many clients send them: the throttle keeps a short history per client
-- instead of one endless history for the single wrk client.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  many_clients = args[1] == "clients"
  counter = 0
  not_ok = 0
end

function request()
  counter = counter + 1
  local headers = { ["X-Forwarded-Proto"] = "https" }
  if many_clients then
    headers["X-Forwarded-For"] = "198.51." .. (math.floor(counter / 250) % 4) .. "." .. (counter % 250)
  end
  return wrk.format(nil, nil, headers)
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not_ok")
  end
  io.write(string.format("Not 200: %d\n", total))
end
