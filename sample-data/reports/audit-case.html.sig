{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case.html",
  "reportSha256" : "e3ec02c43b2699b097aeb3fe954ed0d48fad69285d3ab8cfafe9727d6d093f2f",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "aPyqLv4d8kan36Cwh4iow36Bj89u6P/h6N4j6/DSdXhDg549v4kjhjhWpNsQEF9s2NEzg8lXiytHhkdvwk6SCA=="
}