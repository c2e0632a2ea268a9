-- Each request from one of 1,000 client addresses behind the proxy, as the API's many clients send them:
-- the throttle keeps a short history per client instead of one endless history for the single wrk client.
local counter = 0
request = function()
  counter = counter + 1
  local client = "198.51." .. (math.floor(counter / 250) % 4) .. "." .. (counter % 250)
  return wrk.format(nil, nil, { ["X-Forwarded-For"] = client })
end
