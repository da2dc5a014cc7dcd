import { describe, expect, it } from "vitest";
import { clientIp, localCounter, readRateLimits } from "./rate-limit";

describe("rate limit settings", () => {
  it("defaults: sign-in 10 per 5 minutes per email and 30 per minute per address; groups per user, ×4 per address", () => {
    const l = readRateLimits({}, { max: 10, windowSeconds: 60 });
    expect(l.signinPerEmail).toEqual({ max: 10, windowSeconds: 300 });
    expect(l.signinPerIp).toEqual({ max: 30, windowSeconds: 60 });
    expect(l.groups).toEqual({
      generate: { max: 10, windowSeconds: 60 },
      engine: { max: 60, windowSeconds: 60 },
      export: { max: 30, windowSeconds: 60 },
      share: { max: 30, windowSeconds: 3600 },
      heavy: { max: 60, windowSeconds: 60 },
    });
    expect(l.ipMultiplier).toBe(4);
  });

  it("reads N/S and refuses anything else with a message naming the variable", () => {
    expect(readRateLimits({ RATE_LIMIT_EXPORT: " 5 / 10 " }).groups.export).toEqual({ max: 5, windowSeconds: 10 });
    expect(() => readRateLimits({ RATE_LIMIT_EXPORT: "5" })).toThrow(/RATE_LIMIT_EXPORT.*requests\/seconds/);
    expect(() => readRateLimits({ SIGNIN_RATE_LIMIT: "0/60" })).toThrow(/SIGNIN_RATE_LIMIT/);
    expect(() => readRateLimits({ RATE_LIMIT_IP_MULTIPLIER: "0" })).toThrow(/RATE_LIMIT_IP_MULTIPLIER/);
  });
});

describe("the per-process counter", () => {
  it("counts per key in fixed windows and says when the window resets", () => {
    let now = 0;
    const hit = localCounter(() => now);
    expect(hit("a", 60)).toEqual({ count: 1, resetSeconds: 60 });
    expect(hit("a", 60).count).toBe(2);
    expect(hit("b", 60).count).toBe(1);
    now = 59_500;
    expect(hit("a", 60)).toEqual({ count: 3, resetSeconds: 1 });
    now = 60_000;
    expect(hit("a", 60)).toEqual({ count: 1, resetSeconds: 60 });
  });

  it("stays bounded: expired windows go first, then everything", () => {
    let now = 0;
    const hit = localCounter(() => now, 3);
    hit("a", 1);
    hit("b", 1);
    hit("c", 100);
    now = 2_000;
    expect(hit("d", 100).count).toBe(1); // a and b expired and were swept
    expect(hit("c", 100).count).toBe(2);
  });
});

describe("clientIp", () => {
  it("takes the last X-Forwarded-For entry (the nearest proxy's view) with one proxy, else x-real-ip, else unknown", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" }), 1)).toBe("10.0.0.2");
    expect(clientIp(new Headers({ "x-forwarded-for": "::1" }), 1)).toBe("::1");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
  });

  it("behind N proxies takes the N-th entry from the right: the client the outer proxy saw, not the inner proxy", () => {
    // client 198.51.100.7 → load balancer (appends it) → ingress 10.0.0.5 (appends the balancer) → app.
    const twoProxies = new Headers({ "x-forwarded-for": "198.51.100.7, 10.0.0.5" });
    expect(clientIp(twoProxies, 2)).toBe("198.51.100.7");
    expect(clientIp(twoProxies, 1)).toBe("10.0.0.5"); // the old reading: every client shares the ingress's bucket
    // Whatever the client put in front is ignored: it cannot choose its bucket.
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, 5.6.7.8, 198.51.100.7, 10.0.0.5" }), 2)).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7 ,10.0.0.5, 10.0.0.9" }), 3)).toBe("198.51.100.7");
    // Fewer entries than hops: the leftmost, which a proxy wrote; empty entries do not count.
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }), 2)).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": ", 198.51.100.7" }), 2)).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "", "x-real-ip": "203.0.113.7" }), 2)).toBe("203.0.113.7");
  });

  it("reads TRUST_PROXY_HOPS: 1 by default, a whole number from 1 to 10", () => {
    expect(readRateLimits({}).trustProxyHops).toBe(1);
    expect(readRateLimits({ TRUST_PROXY_HOPS: "2" }).trustProxyHops).toBe(2);
    for (const bad of ["0", "-1", "two", "1.5", "11"]) expect(() => readRateLimits({ TRUST_PROXY_HOPS: bad })).toThrow(/TRUST_PROXY_HOPS/);
  });
});
