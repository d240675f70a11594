{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case.csv",
  "reportSha256" : "ea81e4514aa6f4393700931e2cd55f24b9d7688cc146c83200f838f2c137409f",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "+fmGUdJs1kcjdmdzlWXEfYCL8W4nITRYdXfM4f0p4fceeFNM7Ws2wwZpXmJIqTTYbBJ1V+6EEfLugMLrUl5eBQ=="
}