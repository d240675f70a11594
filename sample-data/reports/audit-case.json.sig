{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEA7lwDroFzm29xXtOs/ehslV0PM+yiZeabQT/twwIzW+U=",
  "publicKeyFingerprint" : "9f6a86efb15a7511d51b7d82452259fbbd52416fbc806845e10f2402accdf1e6",
  "report" : "audit-case.json",
  "reportSha256" : "85a56ab058967fea6bd232e06a984d14d51cb7c9f143b48d34a05579b1b4557d",
  "verifiedThroughPosition" : 625,
  "headHash" : "5de7598f539cbf6845926659aa93695cb509d4429375103788b3d6f7b6bf9d0e",
  "signature" : "S2jpa0SHcNYhMKdFudz6kbKWRu/CjbJ513wF/ouVZ45XEUgNFdjqhSfyU8HWiUj3SE9ZhZgj7JVHNw0hqIm8CQ=="
}